import type { Page } from '@playwright/test';

/** Holds the page's scripts back, as a slow phone would, while the learner already uses the static page. */
export async function holdScripts(page: Page): Promise<() => void> {
  let release: () => void = () => {};
  const scriptsMayLoad = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/_next/static/chunks/*.js', async (route) => {
    await scriptsMayLoad;
    await route.continue();
  });
  return release;
}
