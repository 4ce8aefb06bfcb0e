import { existsSync } from 'node:fs';

/**
 * The browser the tests and the benches drive: CHROMIUM_PATH when set, else Debian's /usr/bin/chromium, else
 * undefined, which lets Playwright use its own (`npx playwright install chromium` where that works).
 */
export const chromiumPath: string | undefined = process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

/**
 * Headless, and quiet: no sandbox (containers run as root), no GPU (software rendering, as on a CI machine), no QUIC,
 * and none of the first-run, update, sync or background fetches that would land in a measurement.
 */
export const CHROMIUM_ARGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
