/**
 * npm run bench:lighthouse — Lighthouse (mobile preset) on the landing page, two lessons and the sandbox,
 * served from out/ exactly as a static host would. Each page runs RUNS times (default 5); the median
 * of each category is reported, never asserted: machines are shared and noisy.
 *
 * Two throttling methods are reported:
 * - `simulate` (Lighthouse's default, Lantern) replays the page's dependency graph on a modelled slow
 *   network and a CPU four times slower. It bills the largest paint for every request that finished, and
 *   every script that started, before the paint it observed, which is why each page starts its scripts only
 *   after its first paint (scripts/after-first-paint.ts).
 * - `devtools` applies the throttling for real (slow 4G, 4× CPU), so paint and scripts race as they
 *   would on a phone. The observed FCP/LCP are printed beside both so the gap is visible.
 *
 * Lantern bills each main-thread task at four times its wall time, and on a shared machine wall
 * time includes the moments the thread waited for a core. Beside its TBT the simulated rows print the same
 * simulation run on the trace's thread times (each task as long as the CPU time it used): what the load would
 * block on a quiet machine, and the figure to compare builds by, since it moves with the page and not the
 * neighbours. Lighthouse's own measure of the machine's speed during the run (`benchmarkIndex`) is printed too.
 *
 * Each run's TBT is printed beside the median, because the runs spread widely. Lighthouse's headless Chrome is the
 * whole browser, drawn off screen, and around these pages' first frame its interface animates for a few hundred
 * milliseconds: a frame every 16 ms, composited in software on the same two cores. The page's scripts start at its
 * first-paint report (scripts/after-first-paint.ts), so they run inside that animation, whether the report comes at
 * ~0.2 s or, in a late load, at ~1.2 s (docs/performance.md, "The two groups that were not", on why the runs once
 * seemed to fall in two groups by that timing and do not).
 *
 * A control page runs last (below): a heading and a paragraph, nothing else. Its TBT is what this machine bills any
 * page, the floor under every other row.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { TotalBlockingTime } from 'lighthouse/core/computed/metrics/total-blocking-time.js';
import { CHROMIUM_ARGS, chromiumPath } from './chromium.ts';
import { exportedRoutes } from './exported-routes.ts';
import { median } from './median.ts';
import { serveDir } from './serve-dir.ts';

const RUNS = Number(process.env.RUNS ?? 5);
// PAGES=/,/learn/errors-and-retries/ limits the run to some pages; PAGES=all runs every page the export wrote but the
// not-found page, which asks search engines not to index it (`noindex`), so Lighthouse's SEO audit would fail it.
const PAGES =
  process.env.PAGES === 'all'
    ? exportedRoutes().filter((route) => route !== '/404/')
    : process.env.PAGES
      ? process.env.PAGES.split(',')
      : ['/', '/learn/journey-of-a-request/', '/learn/errors-and-retries/', '/sandbox/'];
// LH_SAVE=dir writes each run's full report there (dir/<page>-<method>-<run>.json), to read the trace's audits.
const SAVE = process.env.LH_SAVE;
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];

/*
 * The goal every page is held to, on the median of the simulated runs: the product's own budgets for a learner on a
 * mid-range phone and a slow connection. Performance 0.95 sits inside Lighthouse's "good" band (0.90 and up); LCP
 * 2.0 s is under the 2.5 s that Core Web Vitals call good (https://web.dev/articles/lcp); TBT 150 ms is under the
 * 200 ms Lighthouse's mobile scoring treats as good (https://developer.chrome.com/docs/lighthouse/performance/lighthouse-total-blocking-time).
 */
const score = (value) => value.toFixed(2);
const ms = (value) => `${Math.round(value)} ms`;
const GOAL = [
  { key: 'performance', label: 'performance', meets: (v) => v >= 0.95, show: score, limit: '≥ 0.95' },
  { key: 'accessibility', label: 'accessibility', meets: (v) => v === 1, show: score, limit: '= 1.00' },
  { key: 'best-practices', label: 'best practices', meets: (v) => v === 1, show: score, limit: '= 1.00' },
  { key: 'seo', label: 'SEO', meets: (v) => v === 1, show: score, limit: '= 1.00' },
  { key: 'lcpMs', label: 'LCP', meets: (v) => v <= 2000, show: ms, limit: '≤ 2000 ms' },
  { key: 'tbtMs', label: 'TBT', meets: (v) => v <= 150, show: ms, limit: '≤ 150 ms' },
];
/** The parts of the goal a row of medians misses, each as "TBT 157 ms (≤ 150 ms)"; empty when it meets them all. */
const missesOfGoal = (row) => GOAL.filter((g) => !g.meets(row[g.key])).map((g) => `${g.label} ${g.show(row[g.key])} (${g.limit})`);

const site = await serveDir().catch((error) => {
  console.error(error.message);
  process.exit(2);
});

/**
 * Lantern's TBT for the run as if every main-thread event had lasted only its thread time (`tdur`): the blocking a
 * quiet machine would show. The metric is Lighthouse's own, computed again on the edited trace.
 */
async function quietTotalBlockingTime(artifacts, settings) {
  const trace = artifacts.Trace;
  const paint = trace.traceEvents.find((e) => e.name === 'firstContentfulPaint');
  if (!paint) return Number.NaN;
  const onMainThread = (e) => e.pid === paint.pid && e.tid === paint.tid;
  const traceEvents = trace.traceEvents.map((e) =>
    e.ph === 'X' && onMainThread(e) && e.dur !== undefined && e.tdur !== undefined ? { ...e, dur: Math.min(e.dur, e.tdur) } : e,
  );
  const data = { trace: { ...trace, traceEvents }, devtoolsLog: artifacts.DevtoolsLog, gatherContext: artifacts.GatherContext, settings, URL: artifacts.URL, SourceMaps: artifacts.SourceMaps, simulator: null };
  const result = await TotalBlockingTime.request(data, { computedCache: new Map(), settings });
  return result.timing;
}

/*
 * The control: a page with one heading and one paragraph, no script, no stylesheet, no image. What this machine and
 * browser bill for any page at all: committing a navigation creates the document, the window's script context and
 * the parser in one task (30–40 ms of wall time here), which Lantern's estimate of the first paint leaves out and its
 * full simulation runs, so it can end after that estimate and count (docs/performance.md, "The floor"). Served by a
 * second server from a folder of its own, so nothing of it ships in out/.
 */
const CONTROL = '/';
const CONTROL_LABEL = '(control)';
// CONTROL=0 leaves it out.
const WITH_CONTROL = process.env.CONTROL !== '0';
const controlDir = mkdtempSync(join(tmpdir(), 'roundtrip-lighthouse-control-'));
writeFileSync(
  join(controlDir, 'index.html'),
  '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="description" content="A control page."><title>Control</title><link rel="icon" href="data:,"></head><body><main><h1>Control</h1><p>One heading and one paragraph of text, with no script, no stylesheet and no image: what any page costs on this machine.</p></main></body></html>',
);
const controlSite = await serveDir(controlDir);

const chrome = await chromeLauncher.launch({ chromePath: chromiumPath, chromeFlags: [...CHROMIUM_ARGS] });

/** Stops the browser and both servers, whether the bench ends or is interrupted (Ctrl-C would leave them running). */
async function stop() {
  await chrome.kill();
  site.stop();
  controlSite.stop();
  rmSync(controlDir, { recursive: true, force: true });
}
for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]]) {
  process.once(signal, () => {
    stop().finally(() => process.exit(code));
  });
}

const METHODS = (process.env.METHODS ?? 'simulate,devtools').split(',');
const report = {};
try {
  for (const method of METHODS) {
    report[method] = {};
    console.log(`\nThrottling: ${method}`);
    const targets = [...PAGES.map((page) => ({ page, base: site.base, label: page })), ...(WITH_CONTROL ? [{ page: CONTROL, base: controlSite.base, label: CONTROL_LABEL }] : [])];
    for (const { page, base, label } of targets) {
      const scores = Object.fromEntries([...CATEGORIES, 'lcpMs', 'observedLcpMs', 'tbtMs', 'quietTbtMs', 'ttiMs', 'benchmarkIndex'].map((c) => [c, []]));
      for (let run = 0; run < RUNS; run++) {
        const result = await lighthouse(`${base}${page}`, {
          port: chrome.port,
          output: 'json',
          logLevel: 'error',
          onlyCategories: CATEGORIES,
          formFactor: 'mobile',
          throttlingMethod: method,
        });
        if (SAVE) {
          mkdirSync(SAVE, { recursive: true });
          const name = label === page ? page.replace(/^\/|\/$/g, '').replace(/\//g, '_') || 'index' : 'control';
          writeFileSync(`${SAVE}/${name}-${method}-${run}.json`, JSON.stringify(result.lhr));
        }
        for (const c of CATEGORIES) scores[c].push(result.lhr.categories[c].score);
        const metrics = result.lhr.audits.metrics.details.items[0];
        scores.lcpMs.push(metrics.largestContentfulPaint);
        scores.observedLcpMs.push(metrics.observedLargestContentfulPaint);
        scores.tbtMs.push(metrics.totalBlockingTime);
        scores.ttiMs.push(metrics.interactive);
        scores.benchmarkIndex.push(result.lhr.environment.benchmarkIndex);
        if (method === 'simulate') scores.quietTbtMs.push(await quietTotalBlockingTime(result.artifacts, result.lhr.configSettings));
      }
      const row = Object.fromEntries(Object.entries(scores).filter(([, v]) => v.length > 0).map(([k, v]) => [k, median(v)]));
      // Each run's TBT beside the median: on this machine they spread widely, and the median alone hides it.
      row.tbtRunsMs = scores.tbtMs.map(Math.round);
      report[method][label] = row;
      // The goal is set on simulated throttling; the applied rows are for comparison, and the control is no page of ours.
      if (method === 'simulate' && label !== CONTROL_LABEL) row.missesOfGoal = missesOfGoal(row);
      const verdict = row.missesOfGoal === undefined ? '' : row.missesOfGoal.length === 0 ? '; meets the goal' : `; MISSES ${row.missesOfGoal.join(', ')}`;
      console.log(
        `  ${label.padEnd(30)} ${CATEGORIES.map((c) => `${c} ${row[c].toFixed(2)}`).join('  ')}   LCP ${Math.round(row.lcpMs)} ms (observed ${Math.round(row.observedLcpMs)}), TBT ${Math.round(row.tbtMs)} ms${row.quietTbtMs === undefined ? '' : ` (${Math.round(row.quietTbtMs)} on thread time)`}, TTI ${Math.round(row.ttiMs)} ms, machine ${Math.round(row.benchmarkIndex)}; TBT by run ${row.tbtRunsMs.join('/')} ms${verdict}`,
      );
    }
  }
} finally {
  await stop();
}
mkdirSync('bench-results', { recursive: true });
writeFileSync('bench-results/lighthouse.json', `${JSON.stringify({ runs: RUNS, medians: report }, null, 2)}\n`);
console.log(`Medians of ${RUNS} runs (mobile). The goal, on simulated throttling: ${GOAL.map((g) => `${g.label} ${g.limit}`).join('; ')}.`);
if (report.simulate) {
  const pages = Object.entries(report.simulate).filter(([label]) => label !== CONTROL_LABEL);
  const meeting = pages.filter(([, row]) => row.missesOfGoal.length === 0);
  console.log(`Simulated: ${meeting.length} of ${pages.length} pages meet the goal.`);
}
