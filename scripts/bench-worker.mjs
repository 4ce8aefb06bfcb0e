/**
 * The traffic worker in a browser: how long a run takes, seen from the page, and the longest main-thread task while
 * it goes. Measurements, never assertions.
 *
 *   npx tsx scripts/bench-worker.mjs <page URL> [--start <selector>] [--done <selector>] [--runs 3] [--cpu 1]
 *
 * The page is served (scripts/serve.mjs) and has a control that starts a traffic run and an element that appears
 * when the run is done. For each run, in a fresh page of headless Chromium: load, let the page settle, click the
 * start control and note the time, note when the done element appears (a MutationObserver, not polling), and read
 * the `longtask` entries (PerformanceObserver) that began after the click. Prints JSON: the medians over the runs of
 * the time to done and of the longest task (0 when none reached 50 ms, the long-task threshold), and each run.
 *
 * Both are wall-clock times, and on a shared machine a thread waiting for a core stretches them. So the run is also
 * traced (Chromium's `toplevel` trace category): each task on a thread has its wall time (`dur`) and the CPU time
 * the thread spent on it (`tdur`). From the trace come `workerCpuMs`, the worker thread's CPU time over the run, and
 * `mainTaskCpuMs`, the CPU time of the longest task on the page's main thread: what the page itself costs, whatever
 * else the machine runs.
 *
 * `--cpu 4` slows the page's CPU four times (CDP Emulation.setCPUThrottlingRate), as scripts/bench.ts does for
 * page loads. The browser is scripts/chromium.ts's.
 * Importable too: `measureWorker(url, options)` returns the same object.
 */
import { pathToFileURL } from 'node:url';
import { CHROMIUM_ARGS, chromiumPath } from './chromium.ts';
import { median } from './median.ts';

const DEFAULTS = { start: '#start', done: '[data-status="done"]', runs: 3, cpu: 1, settleMs: 2000, timeoutMs: 300_000 };

/** From a Chromium trace: each thread's tasks, by the thread's name. */
function tasksByThread(trace) {
  const events = JSON.parse(trace.toString()).traceEvents;
  const names = new Map();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') names.set(`${e.pid}:${e.tid}`, e.args.name);
  const threads = new Map();
  for (const e of events) {
    if (e.ph !== 'X' || e.name !== 'ThreadControllerImpl::RunTask') continue;
    const name = names.get(`${e.pid}:${e.tid}`) ?? 'unnamed';
    if (!threads.has(name)) threads.set(name, []);
    threads.get(name).push({ wallMs: (e.dur ?? 0) / 1000, cpuMs: (e.tdur ?? 0) / 1000 });
  }
  return threads;
}

/** One run in a fresh page: { ms, longestTaskMs, longTasks, workerCpuMs, mainTaskCpuMs }. */
async function measureOnce(browser, url, o) {
  const context = await browser.newContext();
  const page = await context.newPage();
  if (o.cpu > 1) await (await context.newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate: o.cpu });
  await page.addInitScript(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__longTasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForSelector(o.start, { state: 'visible' });
  // What the page does after load (hydration, idle work) is not the run's.
  await page.waitForTimeout(o.settleMs);
  await browser.startTracing(page, { categories: ['toplevel', '__metadata'] });
  const done = page.evaluate(
    ({ start, doneSelector }) =>
      new Promise((resolve) => {
        const began = performance.now();
        const observer = new MutationObserver(() => {
          if (!document.querySelector(doneSelector)) return;
          observer.disconnect();
          const ended = performance.now();
          const during = window.__longTasks.filter((t) => t.start >= began && t.start <= ended);
          resolve({ ms: ended - began, longestTaskMs: Math.max(0, ...during.map((t) => t.duration)), longTasks: during.length });
        });
        observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
        document.querySelector(start).click();
      }),
    { start: o.start, doneSelector: o.done },
  );
  const result = await Promise.race([done, new Promise((_, reject) => setTimeout(() => reject(new Error(`no ${o.done} within ${o.timeoutMs} ms`)), o.timeoutMs))]);
  const threads = tasksByThread(await browser.stopTracing());
  const worker = threads.get('DedicatedWorker thread') ?? [];
  const main = threads.get('CrRendererMain') ?? [];
  await context.close();
  return { ...result, workerCpuMs: worker.reduce((sum, t) => sum + t.cpuMs, 0), mainTaskCpuMs: Math.max(0, ...main.map((t) => t.cpuMs)) };
}

export async function measureWorker(url, options = {}) {
  const o = { ...DEFAULTS, ...options };
  const { chromium } = await import('@playwright/test');
  const browser = await chromium.launch({ executablePath: chromiumPath, args: [...CHROMIUM_ARGS] });
  try {
    const runs = [];
    for (let i = 0; i < o.runs; i++) runs.push(await measureOnce(browser, url, o));
    const middle = (key) => median(runs.map((r) => r[key]));
    return { url, cpuSlowdown: o.cpu, ms: middle('ms'), longestTaskMs: middle('longestTaskMs'), workerCpuMs: middle('workerCpuMs'), mainTaskCpuMs: middle('mainTaskCpuMs'), runs };
  } finally {
    await browser.close();
  }
}

function parseArgs(argv) {
  const [url, ...rest] = argv;
  const options = {};
  for (let i = 0; i < rest.length; i += 2) {
    const name = rest[i]?.replace(/^--/, '');
    const value = rest[i + 1];
    if (!name || value === undefined || !['start', 'done', 'runs', 'cpu'].includes(name)) throw new Error(`unknown option ${rest[i]}`);
    options[name] = name === 'runs' || name === 'cpu' ? Number(value) : value;
  }
  return { url, options };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { url, options } = parseArgs(process.argv.slice(2));
  if (!url) {
    console.error('usage: npx tsx scripts/bench-worker.mjs <page URL> [--start <selector>] [--done <selector>] [--runs 3] [--cpu 1]');
    process.exit(2);
  }
  const result = await measureWorker(url, options);
  process.stdout.write(`${JSON.stringify(result, (key, value) => (typeof value === 'number' ? Math.round(value * 10) / 10 : value))}\n`);
}
