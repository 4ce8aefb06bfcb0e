/**
 * npx tsx scripts/bench-diagram.mjs [page URL] [--seek <s>] [--play-s <s>] [--runs <n>] [--cpu <slowdown>]
 *
 * Frame times of the traffic diagram (components/traffic/diagram) while it plays, in headless Chromium: a
 * measurement, never an assertion (the machines are shared and noisy).
 *
 * The page is any page that shows the diagram, a figure named "Traffic through the system" with a Play button and
 * a "Time" slider: the sandbox in traffic mode (`/sandbox/?preset=retry-storm`, once the lead's stage shows the
 * diagram) or any page built for it. Without a URL, out/ is served on a free port (scripts/serve-dir.ts) and
 * `/sandbox/?preset=retry-storm` is opened. The script moves the slider to `--seek` (default 36 s: a retry storm's
 * busiest stretches, 36 s to 46 s at the default 2×), presses Play, and for `--play-s` seconds (default 5) records:
 *
 * - the time between animation frames (requestAnimationFrame timestamps): median and 95th percentile, and the share
 *   of dropped frames, intervals longer than 1.5 frames at 60 Hz (25 ms), each a frame the display had to repeat;
 * - the script time of each frame's callbacks (every requestAnimationFrame callback of the page, timed by a wrapper
 *   the script installs before the page loads): median and 95th percentile;
 * - the dots in flight (the canvas's `data-dots`, set as each stretch ends, read every 15 frames), mean.
 *
 * Each figure is the median of `--runs` runs (default 3), each in a fresh page. `--cpu 4` slows the page's CPU
 * fourfold (CDP Emulation.setCPUThrottlingRate, as Lighthouse's mobile preset assumes), for a phone's view. The browser
 * is scripts/chromium.ts's, rendering in software (a phone's GPU does better).
 */
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from './chromium.ts';
import { median } from './median.ts';
import { serveDir } from './serve-dir.ts';

const FRAME_60HZ_MS = 1000 / 60;
const DROPPED_OVER_MS = 1.5 * FRAME_60HZ_MS;

function parseArgs(argv) {
  const options = { url: null, seek: 36, playS: 5, runs: 3, cpu: 1 };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const v = Number(argv[++i]);
      if (!Number.isFinite(v) || v < 0) throw new Error(`${arg} needs a number`);
      return v;
    };
    if (arg === '--seek') options.seek = value();
    else if (arg === '--play-s') options.playS = value();
    else if (arg === '--runs') options.runs = Math.max(1, Math.round(value()));
    else if (arg === '--cpu') options.cpu = Math.max(1, value());
    else if (arg === '--help' || arg === '-h') {
      process.stdout.write('Usage: npx tsx scripts/bench-diagram.mjs [page URL] [--seek <s>] [--play-s <s>] [--runs <n>] [--cpu <slowdown>]\n');
      process.exit(0);
    } else if (!options.url) options.url = arg;
    else throw new Error(`unexpected argument: ${arg}`);
  }
  return options;
}

function quantile(values, q) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

/** Installed before the page's own scripts: times every animation-frame callback, and keeps each frame's timestamp. */
function instrument() {
  const frames = [];
  const scriptMs = [];
  let recording = false;
  let current = null;
  const original = window.requestAnimationFrame.bind(window);
  window.requestAnimationFrame = (callback) =>
    original((timestamp) => {
      const start = performance.now();
      try {
        callback(timestamp);
      } finally {
        if (recording && current && current.timestamp === timestamp) current.ms += performance.now() - start;
      }
    });
  const dots = [];
  const watch = (timestamp) => {
    if (recording) {
      if (current) scriptMs.push(current.ms);
      frames.push(timestamp);
      current = { timestamp, ms: 0 };
      // A few times a second, in the page itself: asking from outside would cost the page's main thread more.
      if (frames.length % 15 === 0) {
        const d = Number(document.querySelector('figure canvas')?.getAttribute('data-dots'));
        if (d > 0) dots.push(d);
      }
    }
    original(watch);
  };
  original(watch);
  window.__benchDiagram = {
    start() {
      frames.length = 0;
      scriptMs.length = 0;
      dots.length = 0;
      current = null;
      recording = true;
    },
    stop() {
      recording = false;
      return { frames: [...frames], scriptMs: [...scriptMs], dots: [...dots] };
    },
  };
}

async function measureOnce(browser, url, { seek, playS, cpu }) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, reducedMotion: process.env.REDUCED ? 'reduce' : 'no-preference' });
  if (cpu > 1) await (await page.context().newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate: cpu });
  await page.addInitScript(instrument);
  await page.goto(url);
  const figure = page.getByRole('figure', { name: 'Traffic through the system' });
  await figure.waitFor({ timeout: 120_000 });
  await figure.scrollIntoViewIfNeeded();
  await page.getByRole('slider', { name: 'Time' }).fill(String(seek));
  await page.getByRole('button', { name: 'Play' }).click();
  // Nothing is asked of the page while it plays: the recording runs inside it.
  await page.evaluate(() => window.__benchDiagram.start());
  await page.waitForTimeout(playS * 1000);
  const { frames, scriptMs, dots } = await page.evaluate(() => window.__benchDiagram.stop());
  await page.getByRole('button', { name: 'Pause' }).click();
  await page.close();
  const intervals = frames.slice(1).map((t, i) => t - frames[i]);
  return {
    frames: intervals.length,
    medianMs: median(intervals),
    p95Ms: quantile(intervals, 0.95),
    droppedShare: intervals.filter((ms) => ms > DROPPED_OVER_MS).length / Math.max(1, intervals.length),
    scriptMedianMs: median(scriptMs),
    scriptP95Ms: quantile(scriptMs, 0.95),
    dots: dots.length ? dots.reduce((a, b) => a + b, 0) / dots.length : 0,
  };
}

const options = parseArgs(process.argv.slice(2));
const served = options.url ? null : await serveDir();
const url = options.url ?? `${served.base}/sandbox/?preset=retry-storm`;
const browser = await chromium.launch({ executablePath: chromiumPath, args: [...CHROMIUM_ARGS] });
try {
  const runs = [];
  for (let i = 0; i < options.runs; i++) runs.push(await measureOnce(browser, url, options));
  const m = (pick) => median(runs.map(pick));
  const f = (ms) => `${ms.toFixed(1)} ms`;
  console.log(`Traffic diagram frame times (median of ${runs.length} runs, ${options.playS} s of play from t = ${options.seek} s${options.cpu > 1 ? `, CPU slowed ${options.cpu}×` : ''})`);
  console.log(`  page                 ${url}`);
  console.log(`  frames per run       ${Math.round(m((r) => r.frames))}`);
  console.log(`  frame interval       median ${f(m((r) => r.medianMs))}, p95 ${f(m((r) => r.p95Ms))}   (60 fps is ${f(FRAME_60HZ_MS)})`);
  console.log(`  dropped frames       ${(m((r) => r.droppedShare) * 100).toFixed(1)}%   (intervals over ${f(DROPPED_OVER_MS)})`);
  console.log(`  script per frame     median ${f(m((r) => r.scriptMedianMs))}, p95 ${f(m((r) => r.scriptP95Ms))}`);
  console.log(`  dots in flight       ${Math.round(m((r) => r.dots))} on average`);
} finally {
  await browser.close();
  served?.stop();
}
