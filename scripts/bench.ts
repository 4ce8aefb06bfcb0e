/**
 * npm run bench — measurements, never assertions (the machines are shared and noisy).
 *
 * 1. The engine (scripts/bench-engine.ts, bundled by esbuild and run in a process of its own, as the site ships
 *    it): one traced request, and 10,000 sequential requests, as medians of several runs.
 *    Beside them, a bare binary-heap loop pushes and pops as many entries as the engine emitted events,
 *    in the same process, so the ratio says how much the engine costs over its queue alone.
 *    Then traffic mode: 100,000 requests (the default knobs, an API and static mix), beside the same bare loop run
 *    for as many entries as the kernel took off its heap; events per second in each recorder; the peak heap.
 *    Beside them, requests that only wait, shaped like the run's, on the same kernel: the process model's ceiling.
 *    The same 100,000 again with everything on (resilience patterns at every edge, tight network rules, Origin Shield,
 *    a rate-based rule), to hold them to the target too.
 *    TRAFFIC_RUNS (default 3) runs, median reported; TRAFFIC=0 skips it; TRAFFIC_LINK adds link parameters to the
 *    traffic runs (`TRAFFIC_LINK='originShield=yes'`, `TRAFFIC_LINK='rateLimit=100'`), to measure them with a feature on.
 * 2. First-load JavaScript per route, gzipped, read from the static export in out/ (built if missing).
 * 3. The longest main-thread task while each route loads, in headless Chromium with its CPU slowed 4× (CDP
 *    Emulation.setCPUThrottlingRate, as Lighthouse's mobile preset assumes), read from a PerformanceObserver for
 *    `longtask` entries. A task over 50 ms is one a phone would feel; "none" means no task reached 50 ms.
 *    LONGTASK_RUNS (default 3) loads per route, median reported; LONGTASK=0 skips it.
 * 4. The traffic Worker in the sandbox (scripts/bench-worker.mjs): 100,000 requests (an API and static mix) run from
 *    the "Run again" button to the run's end, and the longest main-thread task meanwhile (wall time from `longtask`
 *    entries, and the CPU time of the longest task from a trace, which a busy machine does not stretch). WORKER=0 skips it.
 * 5. The traffic diagram's frame times while it plays a retry storm, in headless Chromium (scripts/bench-diagram.mjs):
 *    the sandbox's `/sandbox/?preset=retry-storm` in out/, or DIAGRAM_URL=<page>. DIAGRAM=0 skips it.
 */
import { execFileSync, execSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildSync } from 'esbuild';
import { CHROMIUM_ARGS, chromiumPath } from './chromium';
import { exportedRoutes } from './exported-routes';
import { median } from './median';
import { pagePayload, pageScripts } from './after-first-paint';
import { serveDir } from './serve-dir';

type EngineFigures = { singleRequestMs: number; tenThousandRequestsMs: number; events: number; eventsPerSecond: number; bareHeapEventsPerSecond: number; engineOverHeap: number };
type TrafficFigures = {
  requests: number;
  ms: number;
  everythingOnMs: number;
  kernelSteps: number;
  events: number;
  engineOverHeapSteps: number;
  metricsEventsPerSecond: number;
  tallyEventsPerSecond: number;
  traceEventsPerSecond: number;
  bareHeapEventsPerSecond: number;
  waitingOnlySteps: number;
  waitingOnlyShareOfBareLoop: number;
  peakHeapMB: number;
  peakHeapTraceMB5k: number;
};

/**
 * The engine's measurements (scripts/bench-engine.ts), bundled by esbuild without name-keeping and run by node in
 * a fresh process: the engine as the site ships it, alone in its heap.
 */
function measureEngine(): { engine: EngineFigures; traffic: TrafficFigures | null } {
  const dir = mkdtempSync(join(tmpdir(), 'roundtrip-bench-'));
  const bundle = join(dir, 'bench-engine.mjs');
  buildSync({ entryPoints: ['scripts/bench-engine.ts'], bundle: true, platform: 'node', format: 'esm', outfile: bundle, alias: { '@': '.' }, logLevel: 'warning' });
  const run = (part: 'engine' | 'traffic') =>
    JSON.parse(execFileSync(process.execPath, [bundle], { encoding: 'utf8', env: { ...process.env, BENCH_PART: part }, stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 20 }));
  try {
    return { engine: run('engine'), traffic: process.env.TRAFFIC === '0' ? null : run('traffic') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function firstLoadJs(out: string) {
  const rows: { route: string; files: number; gzipKB: number; payloadGzipKB: number }[] = [];
  const gzipKB = (src: string) => gzipSync(readFileSync(join(out, src.replace(/^\//, '')))).length / 1024;
  const tenths = (kb: number) => Math.round(kb * 10) / 10;
  for (const route of exportedRoutes(out)) {
    const html = readFileSync(join(out, route, 'index.html'), 'utf8');
    // Tags or the after-first-paint loader's list; noModule polyfills, which modern browsers skip, are left out.
    const sources = pageScripts(html);
    // The RSC payload is the page's data, not code: it was part of the HTML, and is counted apart from the budget.
    const payload = pagePayload(html);
    rows.push({ route, files: sources.length, gzipKB: tenths(sources.reduce((kb, src) => kb + gzipKB(src), 0)), payloadGzipKB: tenths(payload ? gzipKB(payload) : 0) });
  }
  return rows;
}

const BUDGETS_KB: Record<string, number> = { '/sandbox/': 260, '/learn/': 170 };

function budgetFor(route: string): number | undefined {
  if (route.startsWith('/learn/') && route !== '/learn/') return 170;
  return BUDGETS_KB[route];
}

const { engine, traffic } = measureEngine();
console.log('Engine (median of runs)');
console.log(`  one request traced          ${engine.singleRequestMs.toFixed(3)} ms   (target < 1 ms)`);
console.log(`  10,000 sequential requests  ${engine.tenThousandRequestsMs.toFixed(0)} ms   (${engine.events.toLocaleString('en')} events)`);
console.log(`  engine events/s             ${Math.round(engine.eventsPerSecond).toLocaleString('en')}`);
console.log(`  bare heap loop events/s     ${Math.round(engine.bareHeapEventsPerSecond).toLocaleString('en')}`);
console.log(`  engine time / heap time     ${engine.engineOverHeap.toFixed(1)}×`);

if (traffic) {
  const f = (n: number) => Math.round(n).toLocaleString('en');
  console.log(`\nTraffic mode (median of ${process.env.TRAFFIC_RUNS ?? 3} runs${process.env.TRAFFIC_LINK ? `, with ${process.env.TRAFFIC_LINK}` : ''})`);
  console.log(`  ${f(traffic.requests)} requests           ${f(traffic.ms)} ms   (target < 2,000 ms)`);
  console.log(`  the same, everything on      ${f(traffic.everythingOnMs)} ms   (breakers, bulkheads, fallbacks and the retry quota at every edge, tight network rules, Origin Shield, a rate-based rule; target < 2,000 ms)`);
  console.log(`  kernel steps                ${f(traffic.kernelSteps)}; the bare heap loop over as many entries is ${traffic.engineOverHeapSteps.toFixed(1)}× faster`);
  console.log(`  events/s, metrics recorder  ${f(traffic.metricsEventsPerSecond)}   (${((traffic.metricsEventsPerSecond / traffic.bareHeapEventsPerSecond) * 100).toFixed(1)}% of the bare loop's ${f(traffic.bareHeapEventsPerSecond)}; target ≥ 25%)`);
  console.log(
    `  requests that only wait     ${(traffic.waitingOnlyShareOfBareLoop * 100).toFixed(1)}% of the bare loop's steps/s   (the kernel and its generator processes alone, shaped like the run's requests: ${f(traffic.waitingOnlySteps)} steps; the ceiling for any node code on this process model)`,
  );
  console.log(`  events/s, tally recorder    ${f(traffic.tallyEventsPerSecond)}   (5,000 requests)`);
  console.log(`  events/s, trace recorder    ${f(traffic.traceEventsPerSecond)}   (5,000 requests)`);
  console.log(`  peak heap                   ${traffic.peakHeapMB.toFixed(1)} MB for 100,000 requests (metrics); ${traffic.peakHeapTraceMB5k.toFixed(1)} MB for 5,000 traced`);
}

if (!existsSync('out/index.html')) {
  console.log('\nout/ is missing: building the static export…');
  execSync('npx next build', { stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
}
const js = firstLoadJs('out');
console.log('\nFirst-load JavaScript (gzip; the RSC payload, the page\'s data for hydration, beside it)');
for (const row of js) {
  const budget = budgetFor(row.route);
  const verdict = budget === undefined ? '' : row.gzipKB <= budget ? `  within ${budget} KB` : `  OVER ${budget} KB`;
  console.log(`  ${row.route.padEnd(34)} ${String(row.gzipKB).padStart(7)} KB  ${String(row.files).padStart(3)} files  + payload ${String(row.payloadGzipKB).padStart(5)} KB${verdict}`);
}

/** Longest task (ms) during load of each route, at 4× CPU slowdown; 0 when no task reached 50 ms. */
async function longestTasks(routeList: string[]): Promise<Record<string, number>> {
  const { chromium } = await import('@playwright/test');
  const site = await serveDir();
  const browser = await chromium.launch({ executablePath: chromiumPath, args: [...CHROMIUM_ARGS] });
  const runs = Number(process.env.LONGTASK_RUNS ?? 3);
  const found: Record<string, number> = {};
  try {
    for (const route of routeList) {
      const samples: number[] = [];
      for (let run = 0; run < runs; run++) {
        // A phone-sized window, so the islands a phone would not show at first stay asleep here too.
        const context = await browser.newContext({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true });
        const page = await context.newPage();
        const cdp = await context.newCDPSession(page);
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
        await page.addInitScript(() => {
          const w = window as unknown as { __longest: number };
          w.__longest = 0;
          new PerformanceObserver((list) => {
            for (const entry of list.getEntries()) w.__longest = Math.max(w.__longest, entry.duration);
          }).observe({ type: 'longtask', buffered: true });
        });
        await page.goto(`${site.base}${route}`, { waitUntil: 'load' });
        // Whatever the page starts after load (lazy islands, idle work) belongs to the load too.
        await page.waitForTimeout(3000);
        samples.push(await page.evaluate(() => (window as unknown as { __longest: number }).__longest));
        await context.close();
      }
      found[route] = median(samples);
    }
  } finally {
    await browser.close();
    site.stop();
  }
  return found;
}

async function reportLongTasks() {
  const longest = process.env.LONGTASK === '0' ? {} : await longestTasks(js.map((row) => row.route));
  if (Object.keys(longest).length) {
    console.log(`\nLongest main-thread task during load, CPU slowed 4× (median of ${process.env.LONGTASK_RUNS ?? 3})`);
    for (const [route, ms] of Object.entries(longest)) {
      console.log(`  ${route.padEnd(34)} ${ms ? `${String(Math.round(ms)).padStart(5)} ms` : ' none over 50 ms'}${ms > 50 ? '  (over 50 ms)' : ''}`);
    }
  }

  mkdirSync('bench-results', { recursive: true });
  writeFileSync('bench-results/latest.json', `${JSON.stringify({ engine, traffic, firstLoadJs: js, longestTaskMs4xCpu: longest }, null, 2)}\n`);
}

/** The page the worker's run is measured on: 100,000 requests, as the engine's own traffic figure. */
const WORKER_PAGE = '/sandbox/?mode=traffic&kind=mix&rate=1000&duration=100';

async function reportWorker() {
  if (process.env.WORKER === '0') return;
  const site = await serveDir();
  try {
    // @ts-expect-error: a plain ES module without types.
    const { measureWorker } = (await import('./bench-worker.mjs')) as { measureWorker: (url: string, o: object) => Promise<{ ms: number; longestTaskMs: number; workerCpuMs: number; mainTaskCpuMs: number }> };
    // The page runs the traffic once on load; "Run again" then starts the measured run, and the progress bar's status says when it is done.
    const r = await measureWorker(`${site.base}${WORKER_PAGE}`, { start: '[data-run-status="done"] [data-run="again"]', done: '[data-run-status="done"]', runs: 3 });
    console.log(`
The traffic Worker in the sandbox, ${WORKER_PAGE} (median of 3)`);
    console.log(`  100,000 requests, click to done      ${Math.round(r.ms)} ms (worker CPU ${Math.round(r.workerCpuMs)} ms)`);
    console.log(`  longest main-thread task meanwhile   ${r.longestTaskMs ? `${Math.round(r.longestTaskMs)} ms` : 'none over 50 ms'} (longest task's CPU ${Math.round(r.mainTaskCpuMs)} ms)`);
  } finally {
    site.stop();
  }
}

function reportDiagram() {
  if (process.env.DIAGRAM === '0') return;
  console.log('');
  execFileSync(process.execPath, ['--import', 'tsx', 'scripts/bench-diagram.mjs', ...(process.env.DIAGRAM_URL ? [process.env.DIAGRAM_URL] : [])], { stdio: 'inherit' });
}

// tsx runs this file as CommonJS, where top-level await is not allowed.
void reportLongTasks()
  .then(() => console.log('\nWritten to bench-results/latest.json'))
  .then(reportWorker)
  .then(reportDiagram);
