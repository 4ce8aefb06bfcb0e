/**
 * npm run bench — measurements, never assertions (the machines are shared and noisy).
 *
 * 1. The engine: one traced request, and 10,000 sequential requests, as medians of several runs.
 *    Beside them, a bare binary-heap loop pushes and pops as many entries as the engine emitted events,
 *    in the same process, so the ratio says how much the engine costs over its queue alone.
 *    Then traffic mode: 100,000 requests (the default knobs, an API and static mix), beside the same bare loop run
 *    for as many entries as the kernel took off its heap; events per second in each recorder; the peak heap.
 *    TRAFFIC_RUNS (default 3) runs, median reported; TRAFFIC=0 skips it. RATE_LIMIT=100 (any limit of at least 10)
 *    runs the same traffic through a web ACL with a rate-based rule, counting every visitor's address.
 * 2. First-load JavaScript per route, gzipped, read from the static export in out/ (built if missing).
 * 3. The longest main-thread task while each route loads, in headless Chromium with its CPU slowed 4× (CDP
 *    Emulation.setCPUThrottlingRate, as Lighthouse's mobile preset assumes), read from a PerformanceObserver for
 *    `longtask` entries. A task over 50 ms is one a phone would feel; "none" means no task reached 50 ms.
 *    LONGTASK_RUNS (default 3) loads per route, median reported; LONGTASK=0 skips it.
 */
import { execSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { performance } from 'node:perf_hooks';
import { runScenario } from '@/lib/sim';
import { TimedHeap } from '@/lib/sim/kernel/heap';
import { applyChanges, PRESETS, scenarioForPreset } from '@/lib/scenario/presets';
import { DEFAULT_SCENARIO } from '@/lib/scenario/defaults';
import { getHeapStatistics } from 'node:v8';
import { TallyRecorder, TraceRecorder, type Recorder } from '@/lib/sim/recorder';
import { planOf, shapeOf } from '@/lib/traffic';
import { MetricsRecorder } from '@/lib/traffic/metrics';
import { TrafficRun } from '@/lib/traffic/run';
import type { Scenario } from '@/lib/scenario/schema';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function time(fn: () => void): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

const scenarios: Scenario[] = PRESETS.map((p) => scenarioForPreset(p.id)!);

function sequential(count: number): number {
  let events = 0;
  for (let i = 0; i < count; i++) {
    const base = scenarios[i % scenarios.length]!;
    events += runScenario({ ...base, seed: i }).events.length;
  }
  return events;
}

function bareHeapLoop(entries: number): void {
  const heap = new TimedHeap<{ t: number; seq: number }>();
  let seq = 0;
  for (let i = 0; i < entries; i++) {
    heap.push({ t: (i * 7919) % 1000, seq: seq++ });
    if (heap.size > 64) heap.pop();
  }
  while (heap.size) heap.pop();
}

function engineBench() {
  // Warm the JIT before measuring.
  sequential(500);
  const single = median(Array.from({ length: RUNS * 50 }, (_, i) => time(() => runScenario({ ...scenarios[0]!, seed: i }))));
  const eventsPerBatch = sequential(10_000);
  const batch = median(Array.from({ length: RUNS }, () => time(() => sequential(10_000))));
  const heap = median(Array.from({ length: RUNS }, () => time(() => bareHeapLoop(eventsPerBatch))));
  return {
    singleRequestMs: single,
    tenThousandRequestsMs: batch,
    events: eventsPerBatch,
    eventsPerSecond: eventsPerBatch / (batch / 1000),
    bareHeapEventsPerSecond: eventsPerBatch / (heap / 1000),
    engineOverHeap: batch / heap,
  };
}

/** Routes of the static export: every index.html under out/. */
function routes(dir: string, prefix = '/'): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory() && !entry.name.startsWith('_')) found.push(...routes(join(dir, entry.name), `${prefix}${entry.name}/`));
    if (entry.isFile() && entry.name === 'index.html') found.push(prefix);
  }
  return found.sort();
}

function firstLoadJs(out: string) {
  const rows: { route: string; files: number; gzipKB: number }[] = [];
  for (const route of routes(out)) {
    const html = readFileSync(join(out, route, 'index.html'), 'utf8');
    // noModule scripts are polyfills that modern browsers skip, so they are not part of first load.
    const tags = [...html.matchAll(/<script[^>]*>/g)].map((m) => m[0]).filter((tag) => !/noModule/i.test(tag));
    const sources = new Set(tags.map((tag) => /src="([^"]+\.js)"/.exec(tag)?.[1]).filter((src): src is string => Boolean(src)));
    let bytes = 0;
    for (const src of sources) bytes += gzipSync(readFileSync(join(out, src.replace(/^\//, '')))).length;
    rows.push({ route, files: sources.size, gzipKB: Math.round((bytes / 1024) * 10) / 10 });
  }
  return rows;
}

const BUDGETS_KB: Record<string, number> = { '/sandbox/': 260, '/learn/': 170 };

function budgetFor(route: string): number | undefined {
  if (route.startsWith('/learn/') && route !== '/learn/') return 170;
  return BUDGETS_KB[route];
}

/** A traffic run of `requests` expected arrivals at the default rate, every other knob at its default. */
function trafficScenario(requests: number): Scenario {
  const rate = 50;
  const rateLimit = Number(process.env.RATE_LIMIT ?? 0);
  return applyChanges(DEFAULT_SCENARIO, { mode: 'traffic', request: { kind: 'mix' }, waf: { rateLimit }, traffic: { rate, durationS: Math.round(requests / rate) } });
}

function timedTraffic(scenario: Scenario, recorder: Recorder) {
  const run = new TrafficRun(scenario, planOf(scenario), shapeOf(scenario), recorder);
  let peakHeap = getHeapStatistics().used_heap_size;
  const start = performance.now();
  while (run.advance(50_000)) peakHeap = Math.max(peakHeap, getHeapStatistics().used_heap_size);
  const ms = performance.now() - start;
  const result = run.result();
  return { ms, requests: result.summary.requests, events: recorder.count, steps: run.ctx.kernel.steps, peakHeapMB: peakHeap / 2 ** 20 };
}

function trafficBench() {
  const runs = Number(process.env.TRAFFIC_RUNS ?? 3);
  const big = trafficScenario(100_000);
  const small = trafficScenario(5_000);
  // Warm the JIT before measuring.
  timedTraffic(small, new MetricsRecorder());
  const metrics = Array.from({ length: runs }, () => timedTraffic(big, new MetricsRecorder()));
  const steps = metrics[0]!.steps;
  const heap = median(Array.from({ length: runs }, () => time(() => bareHeapLoop(steps))));
  const heapForEvents = median(Array.from({ length: runs }, () => time(() => bareHeapLoop(metrics[0]!.events))));
  const tally = Array.from({ length: runs }, () => timedTraffic(small, new TallyRecorder()));
  const trace = Array.from({ length: runs }, () => timedTraffic(small, new TraceRecorder()));
  const perSecond = (rows: { ms: number; events: number }[]) => median(rows.map((r) => r.events / (r.ms / 1000)));
  const ms = median(metrics.map((r) => r.ms));
  return {
    requests: metrics[0]!.requests,
    ms,
    kernelSteps: steps,
    events: metrics[0]!.events,
    engineOverHeapSteps: ms / heap,
    metricsEventsPerSecond: perSecond(metrics),
    tallyEventsPerSecond: perSecond(tally),
    traceEventsPerSecond: perSecond(trace),
    bareHeapEventsPerSecond: metrics[0]!.events / (heapForEvents / 1000),
    peakHeapMB: median(metrics.map((r) => r.peakHeapMB)),
    peakHeapTraceMB5k: median(trace.map((r) => r.peakHeapMB)),
  };
}

const engine = engineBench();
console.log('Engine (median of runs)');
console.log(`  one request traced          ${engine.singleRequestMs.toFixed(3)} ms   (target < 1 ms)`);
console.log(`  10,000 sequential requests  ${engine.tenThousandRequestsMs.toFixed(0)} ms   (${engine.events.toLocaleString('en')} events)`);
console.log(`  engine events/s             ${Math.round(engine.eventsPerSecond).toLocaleString('en')}`);
console.log(`  bare heap loop events/s     ${Math.round(engine.bareHeapEventsPerSecond).toLocaleString('en')}`);
console.log(`  engine time / heap time     ${engine.engineOverHeap.toFixed(1)}×`);

const traffic = process.env.TRAFFIC === '0' ? null : trafficBench();
if (traffic) {
  const f = (n: number) => Math.round(n).toLocaleString('en');
  console.log(`\nTraffic mode (median of ${process.env.TRAFFIC_RUNS ?? 3} runs)`);
  console.log(`  ${f(traffic.requests)} requests           ${f(traffic.ms)} ms   (target < 2,000 ms)`);
  console.log(`  kernel steps                ${f(traffic.kernelSteps)}; the bare heap loop over as many entries is ${traffic.engineOverHeapSteps.toFixed(1)}× faster`);
  console.log(`  events/s, metrics recorder  ${f(traffic.metricsEventsPerSecond)}   (${((traffic.metricsEventsPerSecond / traffic.bareHeapEventsPerSecond) * 100).toFixed(1)}% of the bare loop's ${f(traffic.bareHeapEventsPerSecond)}; target ≥ 25%)`);
  console.log(`  events/s, tally recorder    ${f(traffic.tallyEventsPerSecond)}   (5,000 requests)`);
  console.log(`  events/s, trace recorder    ${f(traffic.traceEventsPerSecond)}   (5,000 requests)`);
  console.log(`  peak heap                   ${traffic.peakHeapMB.toFixed(1)} MB for 100,000 requests (metrics); ${traffic.peakHeapTraceMB5k.toFixed(1)} MB for 5,000 traced`);
}

if (!existsSync('out/index.html')) {
  console.log('\nout/ is missing: building the static export…');
  execSync('npx next build', { stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
}
const js = firstLoadJs('out');
console.log('\nFirst-load JavaScript (gzip)');
for (const row of js) {
  const budget = budgetFor(row.route);
  const verdict = budget === undefined ? '' : row.gzipKB <= budget ? `  within ${budget} KB` : `  OVER ${budget} KB`;
  console.log(`  ${row.route.padEnd(34)} ${String(row.gzipKB).padStart(7)} KB  ${String(row.files).padStart(3)} files${verdict}`);
}

/** Longest task (ms) during load of each route, at 4× CPU slowdown; 0 when no task reached 50 ms. */
async function longestTasks(routeList: string[]): Promise<Record<string, number>> {
  const { chromium } = await import('@playwright/test');
  const port = Number(process.env.BENCH_PORT ?? 3240);
  const server = spawn(process.execPath, ['scripts/serve.mjs', 'out'], { env: { ...process.env, PORT: String(port), HOST: '127.0.0.1' }, stdio: 'ignore' });
  const executablePath = process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
  const browser = await chromium.launch({ executablePath, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  const runs = Number(process.env.LONGTASK_RUNS ?? 3);
  const found: Record<string, number> = {};
  try {
    await new Promise((resolve) => setTimeout(resolve, 800));
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
        await page.goto(`http://127.0.0.1:${port}${route}`, { waitUntil: 'load' });
        // Whatever the page starts after load (lazy islands, idle work) belongs to the load too.
        await page.waitForTimeout(3000);
        samples.push(await page.evaluate(() => (window as unknown as { __longest: number }).__longest));
        await context.close();
      }
      found[route] = median(samples);
    }
  } finally {
    await browser.close();
    server.kill();
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

// tsx runs this file as CommonJS, where top-level await is not allowed.
void reportLongTasks().then(() => console.log('\nWritten to bench-results/latest.json'));
