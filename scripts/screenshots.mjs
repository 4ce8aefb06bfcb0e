/**
 * npm run screenshots — pictures of the landing page, a lesson's simulator and the sandbox, at 1280×800
 * and 375×800, in light and dark mode, taken from the static export in out/ (run `npm run build` first).
 *
 * The export is served on a free port (scripts/serve-dir.ts), which is stopped afterwards. The browser and its
 * arguments are the end-to-end tests' (scripts/chromium.ts). PNGs go to screenshots/ (git-ignored).
 *
 * ONLY=sandbox (or landing, lesson) limits the run to one page.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from './chromium.ts';
import { serveDir } from './serve-dir.ts';

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

const only = process.env.ONLY;
const pages = only ? PAGES.filter((p) => p.name === only) : PAGES;
if (pages.length === 0) {
  console.error(`ONLY=${only} names no page; choose one of ${PAGES.map((p) => p.name).join(', ')}.`);
  process.exit(2);
}

const site = await serveDir().catch((error) => {
  console.error(error.message);
  process.exit(2);
});
const base = site.base;
mkdirSync(OUT_DIR, { recursive: true });

let browser;
let failed = false;
try {
  browser = await chromium.launch({ executablePath: chromiumPath, args: [...CHROMIUM_ARGS] });
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
  site.stop();
}
process.exit(failed ? 1 : 0);
