import { expect, test, type Page } from '@playwright/test';
import { holdScripts } from './hold-scripts';

async function openSandbox(page: Page, query = '') {
  await page.goto(`/sandbox/${query}`);
  await expect(page.getByRole('heading', { name: 'Sandbox', level: 1 })).toBeVisible();
}

const log = (page: Page) => page.getByRole('listbox', { name: 'Events in order' });

/** The conditions, the inspector, the log and the waterfall are tabs beside the stage. */
async function showPanel(page: Page, name: 'Conditions' | 'Inspector' | 'Log' | 'Waterfall') {
  const tab = page.getByRole('tablist', { name: 'Panels' }).getByRole('tab', { name, exact: true });
  await tab.click();
  await expect(tab).toHaveAttribute('aria-selected', 'true');
}

test('a learner sets a cause, plays, steps back, and reads the log and the inspector', async ({ page }) => {
  await openSandbox(page);
  await page.getByLabel('What the edge holds').selectOption('fresh');
  // Slow enough that a busy machine still sees the Pause button before the short cache-hit run ends.
  await page.getByLabel('Speed').selectOption('1.5');
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible({ timeout: 20_000 });

  await expect(page.getByRole('region', { name: 'Outcome' })).toContainText('cache hit');
  await showPanel(page, 'Log');
  await expect(log(page)).toContainText('X-Cache: Hit from cloudfront');
  await expect(log(page)).not.toContainText('Load balancer');

  const caption = page.getByText(/^Step \d+ of \d+$/);
  const before = await caption.textContent();
  await page.getByRole('button', { name: 'Step back' }).click();
  await expect(caption).not.toHaveText(before ?? '');

  await log(page).getByRole('option', { name: /X-Cache: Hit from cloudfront/ }).first().click();
  await showPanel(page, 'Inspector');
  const inspector = page.getByRole('region', { name: /^Event \d+$/ });
  await expect(inspector).toContainText('cache-hit');
  await expect(inspector).toContainText(/Age: \d+/);
  expect(page.url()).toMatch(/sel=e\d+/);
});

test('the SQLi payload is blocked by the WAF with 403, and nothing reaches the load balancer', async ({ page }) => {
  await openSandbox(page);
  await page.getByLabel('Payload').selectOption('sqli');
  await page.getByRole('button', { name: 'Go to end' }).click();
  await expect(page.getByRole('region', { name: 'Outcome' })).toContainText('403');
  await expect(page.getByRole('region', { name: 'Outcome' })).toContainText('Blocked by');
  await showPanel(page, 'Log');
  await expect(log(page)).toContainText('WAF rule SQLi_QUERYARGUMENTS → BLOCK 403');
  await showPanel(page, 'Conditions');
  await page.getByLabel('AWS WAF', { exact: true }).selectOption('off');
  await page.getByRole('button', { name: 'Go to end' }).click();
  await expect(page.getByRole('region', { name: 'Outcome' })).toContainText('200');
  await showPanel(page, 'Log');
  await expect(log(page)).toContainText('Load balancer');
});

test('a shared link restores the scenario, the playhead and the selection, also after reload', async ({ page }) => {
  const query = '?cache=stale&db=slow&tls=1.2&t=182&sel=edge&v=1';
  await openSandbox(page, query);
  const check = async () => {
    await expect(page.getByLabel('What the edge holds')).toHaveValue('stale');
    await expect(page.getByLabel('Behaviour').first()).toHaveValue('slow');
    await expect(page.getByLabel('TLS version')).toHaveValue('1.2');
    await expect(page.getByRole('region', { name: 'CDN edge' })).toBeVisible();
    await expect(page.getByRole('slider', { name: 'Playback position' })).toHaveAttribute('aria-valuetext', /^182 ms of/);
    expect(new URL(page.url()).search).toBe(query);
  };
  await check();
  await page.reload();
  await check();
});

test('an invalid link names what it ignored and applies the rest', async ({ page }) => {
  await openSandbox(page, '?db=explode&colour=blue&cache=fresh&t=oops');
  const alert = page.getByRole('alert', { name: 'Part of this link could not be used' });
  await expect(alert).toContainText('Part of this link could not be used');
  await expect(alert).toContainText('db');
  await expect(alert).toContainText('“explode”');
  await expect(alert).toContainText('colour');
  await expect(alert).toContainText('t');
  await expect(page.getByLabel('What the edge holds')).toHaveValue('fresh');
  await alert.getByRole('button', { name: 'Dismiss' }).click();
  await expect(page.getByRole('alert', { name: 'Part of this link could not be used' })).toHaveCount(0);
});

test('a payload in a link is shown as text and never runs', async ({ page }) => {
  const payload = '<img src=x onerror="window.__pwned=1">';
  await openSandbox(page, `?payload=${encodeURIComponent(payload)}&waf=off`);
  await expect(page.getByLabel('Your payload')).toHaveValue(payload);
  await page.getByRole('button', { name: 'Go to end' }).click();
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
});

test('works from the keyboard alone', async ({ page }) => {
  await openSandbox(page);
  const caption = page.getByText(/^Step \d+ of \d+$|^Ready$/);
  await expect(caption).toHaveText('Ready');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(caption).toHaveText(/^Step \d+ of/);
  await page.keyboard.press('End');
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toContainText('Play again');
  await page.keyboard.press('Home');
  await expect(caption).toHaveText('Ready');
  await page.keyboard.press(' ');
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  await page.keyboard.press(' ');
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();

  // Tab reaches the controls; a select changes with arrow keys; a node's button selects it with Enter.
  const waf = page.getByLabel('AWS WAF', { exact: true });
  await waf.focus();
  await page.keyboard.press('ArrowDown');
  await expect(waf).toHaveValue('count');
  for (let i = 0; i < 120; i++) {
    await page.keyboard.press('Tab');
    const name = await page.evaluate(() => document.activeElement?.textContent ?? '');
    if (name.startsWith('CDN edge')) break;
  }
  await page.keyboard.press('Enter');
  await expect(page.getByRole('region', { name: 'CDN edge' })).toBeVisible();
  expect(page.url()).toContain('sel=edge');
});

test('fits a 375 px phone: no sideways scrolling, the conditions one tap away under the player', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 375, height: 812 });
  await openSandbox(page, '?db=slow&t=2300');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  const edgeHolds = page.getByLabel('What the edge holds');
  await expect(edgeHolds).not.toBeInViewport();
  await page.getByRole('button', { name: 'Set the conditions ↓' }).click();
  await expect(page.getByRole('tab', { name: 'Conditions' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByLabel('Start from a preset')).toBeInViewport();
  await page.screenshot({ path: testInfo.outputPath('sandbox-375.png'), fullPage: true });
});

test('reduced motion replaces moving packets with highlighted links', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await openSandbox(page, '?t=35');
  await expect(page.getByText('Reduced motion: links in use are highlighted instead of moving packets.')).toBeVisible();
  await expect(page.getByRole('button', { name: / packet from / })).toHaveCount(0);
  await page.getByLabel('Motion').selectOption('allow');
  await expect(page.getByText('Reduced motion: links in use are highlighted instead of moving packets.')).toBeHidden();
  await expect(page.getByRole('button', { name: / packet from / }).first()).toBeVisible();
});

test('choices made before the scripts have loaded are kept once the sandbox is live', async ({ page }) => {
  const release = await holdScripts(page);
  await page.goto('/sandbox/', { waitUntil: 'domcontentloaded' });
  await page.getByLabel('Speed').selectOption('1.5');
  await page.getByLabel('What the edge holds').selectOption('fresh');
  release();

  // The player's menu is hydrated (React would put back its own 1×); the conditions wake with the choice applied.
  await expect(page.getByRole('region', { name: 'Outcome' })).toContainText('cache hit');
  await expect(page.getByLabel('Speed')).toHaveValue('1.5');
  await expect(page.getByLabel('What the edge holds')).toHaveValue('fresh');
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
});

test('keys pressed before the scripts have loaded are pressed again once the sandbox is live', async ({ page }) => {
  const release = await holdScripts(page);
  await page.goto('/sandbox/', { waitUntil: 'domcontentloaded' });
  // Two steps on the timeline, and one tab along in the panels, whose arrows are their own.
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.getByRole('tab', { name: 'Conditions' }).focus();
  await page.keyboard.press('ArrowRight');
  release();

  await expect(page.getByText(/^Step 2 of \d+$/)).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Inspector' })).toBeFocused();
  await expect(page.getByRole('tab', { name: 'Inspector' })).toHaveAttribute('aria-selected', 'true');
});

test('a service tapped in the drawing before the scripts have loaded is selected once the sandbox is live', async ({ page }) => {
  const release = await holdScripts(page);
  await page.goto('/sandbox/', { waitUntil: 'domcontentloaded' });
  await page.locator('svg[data-layout]:visible [data-node="alb"]').click();
  release();

  await expect(page.getByRole('region', { name: 'Load balancer' })).toBeVisible();
  await expect(page).toHaveURL(/[?&]sel=alb\b/);
});

test('a mode chosen before the scripts have loaded applies to the shared link, not instead of it', async ({ page }) => {
  const release = await holdScripts(page);
  await page.goto('/sandbox/?db=slow', { waitUntil: 'domcontentloaded' });
  await page.getByRole('group', { name: 'Run' }).getByText('Traffic', { exact: true }).click();
  release();

  // The link's slow database is applied first, then the learner's choice of mode.
  await expect(page).toHaveURL(/mode=traffic/);
  await expect(page).toHaveURL(/db=slow/);
  await expect(page.getByRole('group', { name: 'Load' })).toBeVisible();
  await expect(page.getByText('the link was set aside')).toHaveCount(0);
});
