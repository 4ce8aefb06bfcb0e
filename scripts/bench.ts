/**
 * npm run bench — measurements, never assertions (the machines are shared and noisy).
 *
 * 1. The engine: one traced request, and 10,000 sequential requests, as medians of several runs.
 *    Beside them, a bare binary-heap loop pushes and pops as many entries as the engine emitted events,
 *    in the same process, so the ratio says how much the engine costs over its queue alone.
 * 2. First-load JavaScript per route, gzipped, read from the static export in out/ (built if missing).
 */
import { execSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { performance } from 'node:perf_hooks';
import { runScenario } from '@/lib/sim';
import { TimedHeap } from '@/lib/sim/kernel/heap';
import { PRESETS, scenarioForPreset } from '@/lib/scenario/presets';
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

const engine = engineBench();
console.log('Engine (median of runs)');
console.log(`  one request traced          ${engine.singleRequestMs.toFixed(3)} ms   (budget < 5 ms)`);
console.log(`  10,000 sequential requests  ${engine.tenThousandRequestsMs.toFixed(0)} ms   (${engine.events.toLocaleString('en')} events)`);
console.log(`  engine events/s             ${Math.round(engine.eventsPerSecond).toLocaleString('en')}`);
console.log(`  bare heap loop events/s     ${Math.round(engine.bareHeapEventsPerSecond).toLocaleString('en')}`);
console.log(`  engine time / heap time     ${engine.engineOverHeap.toFixed(1)}×`);

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

mkdirSync('bench-results', { recursive: true });
writeFileSync('bench-results/latest.json', `${JSON.stringify({ engine, firstLoadJs: js }, null, 2)}\n`);
console.log('\nWritten to bench-results/latest.json');
