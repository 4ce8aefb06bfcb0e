#!/usr/bin/env node
/**
 * npm run screenshots — pictures of the landing page, a lesson's simulator and the sandbox, at 1280×800
 * and 375×800, in light and dark mode, taken from the static export in out/ (run `npm run build` first).
 *
 * The export is served by scripts/serve.mjs on a free port, which is stopped afterwards. Chromium is
 * CHROMIUM_PATH when set, else /usr/bin/chromium when it exists, else Playwright's own browser, with the
 * same launch arguments as the end-to-end tests (playwright.config.ts). PNGs go to screenshots/ (git-ignored).
 *
 * ONLY=sandbox (or landing, lesson) limits the run to one page.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { chromium } from '@playwright/test';

const OUT_DIR = 'screenshots';
const SIZES = [
  { name: '1280', width: 1280, height: 800 },
  { name: '375', width: 375, height: 800 },
];
const THEMES = ['light', 'dark'];

/** Each page and what to wait for before the picture is taken. */
const PAGES = [
  {
    name: 'landing',
    path: '/',
    // The live demo loads once it is in view, which at 1280 px it is at once; on a phone it sits below the fold.
    ready: async (page) => {
      await page.getByRole('heading', { level: 1 }).waitFor();
      if ((page.viewportSize()?.width ?? 0) >= 1024) await page.locator('.react-flow').first().waitFor({ timeout: 30_000 });
    },
  },
  {
    name: 'lesson',
    path: '/learn/journey-of-a-request/',
    // The simulator mounts when it scrolls near the viewport, so bring it into view first.
    ready: async (page) => {
      const sim = page.getByRole('figure', { name: /^Simulator:/ }).first();
      await sim.scrollIntoViewIfNeeded();
      await sim.getByRole('group', { name: 'Playback' }).waitFor({ timeout: 30_000 });
      await sim.evaluate((element) => element.scrollIntoView({ block: 'start' }));
    },
  },
  {
    name: 'sandbox',
    // A moment in the middle of a run, with an event selected, so the inspector has something to show.
    path: '/sandbox/?t=71&sel=e10',
    ready: async (page) => {
      await page.getByRole('heading', { name: 'Sandbox', level: 1 }).waitFor();
      await page.locator('.react-flow').first().waitFor({ timeout: 30_000 });
    },
  },
];

const executablePath = process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
const LAUNCH_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

async function waitUntilServing(url, server) {
  for (let i = 0; i < 100; i++) {
    if (server.exitCode !== null) throw new Error(`scripts/serve.mjs exited with status ${server.exitCode}`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url} did not answer within 10 s`);
}

if (!existsSync('out/index.html')) {
  console.error('out/ is missing: run npm run build first.');
  process.exit(2);
}

const only = process.env.ONLY;
const pages = only ? PAGES.filter((p) => p.name === only) : PAGES;
if (pages.length === 0) {
  console.error(`ONLY=${only} names no page; choose one of ${PAGES.map((p) => p.name).join(', ')}.`);
  process.exit(2);
}

const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const server = spawn(process.execPath, ['scripts/serve.mjs', 'out'], { env: { ...process.env, PORT: String(port), HOST: '127.0.0.1' }, stdio: 'ignore' });
mkdirSync(OUT_DIR, { recursive: true });

let browser;
let failed = false;
try {
  await waitUntilServing(`${base}/`, server);
  browser = await chromium.launch({ ...(executablePath ? { executablePath } : {}), args: LAUNCH_ARGS });
  for (const target of pages) {
    for (const size of SIZES) {
      for (const theme of THEMES) {
        const context = await browser.newContext({ viewport: { width: size.width, height: size.height }, colorScheme: theme, reducedMotion: 'reduce' });
        const page = await context.newPage();
        const file = join(OUT_DIR, `${target.name}-${size.name}-${theme}.png`);
        try {
          await page.goto(`${base}${target.path}`);
          await target.ready(page);
          await page.waitForLoadState('networkidle');
          await page.screenshot({ path: file });
          console.log(`  ${file}`);
        } catch (error) {
          failed = true;
          console.error(`  ${file}: ${error instanceof Error ? error.message : String(error)}`);
        } finally {
          await context.close();
        }
      }
    }
  }
} finally {
  await browser?.close();
  server.kill();
}
process.exit(failed ? 1 : 0);
