import { expect, test, type Page } from '@playwright/test';
import { axeViolations } from './axe';

/**
 * Traffic mode as a learner meets it: a preset link runs in a Worker with a progress bar, the charts and their
 * tables appear, a moment picked in a table opens its slowest request hop by hop, and the link holds it all.
 */

const progress = (page: Page) => page.getByRole('progressbar');

async function openRun(page: Page, query: string) {
  await page.goto(`/sandbox/?${query}`);
  await expect(page.getByRole('heading', { name: 'Sandbox', level: 1 })).toBeVisible();
  // Runs take a few seconds on a busy machine; the progress bar says when it is done.
  await expect(progress(page)).toHaveAccessibleName('Run complete', { timeout: 60_000 });
}

test('a retry storm from its preset link: the charts, a moment in a table, its slowest request, and the link that keeps it', async ({ page }) => {
  await openRun(page, 'preset=retry-storm');
  await expect(page.getByRole('radio', { name: /Traffic/ })).toBeChecked();
  // The charts' sentence says what happened, worked out from the series.
  await expect(page.getByText(/^p99 rose from .* when the database slowed/)).toBeVisible();

  const latency = page.getByRole('region', { name: 'Latency percentiles' });
  await latency.getByText('Show the data as a table').click();
  await latency.getByRole('button', { name: /^Pick 40 s/ }).click();
  const moment = page.getByRole('region', { name: /^From 40 s to 41 s of the run/ });
  await expect(moment).toBeVisible();
  await moment.getByRole('button', { name: /^Open its slowest request/ }).click();

  // Replayed in the Worker, then the single-request views play that request: outcome, player, and the way back.
  await expect(page.getByRole('region', { name: 'Outcome' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('status').filter({ hasText: /^Request t\d+ is ready/ })).toBeAttached();
  await expect(page.getByRole('button', { name: '← Back to the charts' })).toBeFocused();
  await expect(page).toHaveURL(/[?&]req=t\d+/);
  const request = new URL(page.url()).searchParams.get('req');
  await page.getByRole('button', { name: 'Step forward' }).click();
  await expect(page.getByText(/^Step \d+ of \d+$/)).toBeVisible();

  // The link restores the same request of the same run, once its replay is back from the Worker.
  await page.reload();
  await expect(page.getByRole('region', { name: 'Outcome' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText(`Request ${request} of the traffic run`, { exact: false })).toBeVisible();

  await page.getByRole('button', { name: '← Back to the charts' }).click();
  await expect(progress(page)).toBeVisible();
  await expect(page).not.toHaveURL(/[?&]req=/);
});

test('a click on a chart picks the moment under the pointer', async ({ page }) => {
  await openRun(page, 'preset=retry-storm');
  // uPlot draws on a canvas; its overlay takes the pointer. The run is 90 s, so 40.5 s is 45% of the way across.
  const plot = page.getByRole('region', { name: 'Latency percentiles' }).locator('.u-over');
  const box = (await plot.boundingBox())!;
  await plot.click({ position: { x: box.width * (40.5 / 90), y: box.height / 2 } });
  const moment = page.getByRole('region', { name: /^From \d+ s to \d+ s of the run/ });
  await expect(moment).toBeVisible();
  const from = Number(/^From (\d+) s/.exec((await moment.getByRole('heading').textContent()) ?? '')?.[1]);
  expect(from).toBeGreaterThanOrEqual(39);
  expect(from).toBeLessThanOrEqual(42);
});

test('on a phone, from the keyboard: a breaker ends the storm, and the worst p99 opens hop by hop as a link', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await openRun(page, 'preset=retry-storm');
  const callsPerVisit = page.getByRole('region', { name: 'What the run came to' }).locator('div', { hasText: 'DB calls a visit' }).getByRole('definition');
  const storm = Number(await callsPerVisit.textContent());
  expect(storm).toBeGreaterThan(2);

  // A breaker on the app's database calls (where a breaker goes unless told otherwise).
  const resilience = page.locator('summary', { hasText: 'Resilience patterns' });
  await resilience.focus();
  await page.keyboard.press('Enter');
  const breaker = page.getByLabel('Circuit breaker', { exact: true });
  await breaker.focus();
  await breaker.selectOption('resilience4j');
  await expect(page.getByRole('group', { name: 'Who has a circuit breaker' }).getByLabel('App → database')).toBeChecked();
  // Full jitter is already the AWS SDK's default; the storm raged with it, since jitter spreads retries, not cuts them.
  await expect(page.getByLabel('Jitter')).toHaveValue('full');
  await expect(page).toHaveURL(/breaker=resilience4j/);
  // The new run ends with far fewer database calls a visit: the storm is over.
  await expect.poll(async () => Number(await callsPerVisit.textContent()), { timeout: 60_000 }).toBeLessThan(storm / 2);
  await expect(progress(page)).toHaveAccessibleName('Run complete', { timeout: 60_000 });

  const worst = page.getByRole('button', { name: /^Pick the worst p99/ });
  await worst.focus();
  await page.keyboard.press('Enter');
  // Focus moves to the picked moment, so the next Tab reaches its requests.
  await page.keyboard.press('Tab');
  const slowest = page.getByRole('region', { name: /^From \d+ s to \d+ s of the run/ }).getByRole('button', { name: /^Open its slowest request/ });
  await expect(slowest).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('region', { name: 'Outcome' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('button', { name: '← Back to the charts' })).toBeFocused();
  // Two steps in, past the request's first moment, so the link carries a time.
  await page.keyboard.press('ArrowRight');
  await expect(page.getByText(/^Step 1 of \d+$/)).toBeVisible();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByText(/^Step 2 of \d+$/)).toBeVisible();
  await expect(page).toHaveURL(/[?&]req=t\d+/);
  await expect(page).toHaveURL(/[?&]t=\d/);

  // The moment is a link: opened afresh, it is the same request at the same step.
  const link = page.url();
  await page.goto('about:blank');
  await page.goto(link);
  await expect(page.getByRole('region', { name: 'Outcome' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText(/^Step 2 of \d+$/)).toBeVisible();
  expect(page.url()).toBe(link);
});

test('a long run shows its progress and stops when cancelled', async ({ page }) => {
  await page.goto('/sandbox/?mode=traffic&rate=2000&duration=3600');
  await expect(progress(page)).toHaveAccessibleName('Running the traffic…', { timeout: 30_000 });
  await page.getByRole('button', { name: 'Cancel the run' }).click();
  await expect(progress(page)).toHaveAccessibleName('Run stopped');
  await expect(page.getByRole('button', { name: 'Run again' })).toBeVisible();
});

test('switching to traffic keeps the conditions, and the backoff study compares every jitter', async ({ page }) => {
  await page.goto('/sandbox/?db=slow');
  const run = page.getByRole('group', { name: 'Run' });
  await run.getByText('Traffic', { exact: true }).click();
  await expect(page.getByRole('radio', { name: /Traffic/ })).toBeChecked();
  await expect(page).toHaveURL(/mode=traffic/);
  await expect(page).toHaveURL(/db=slow/);
  await expect(page.getByRole('group', { name: 'Load' })).toBeVisible();

  await run.getByText('Backoff study', { exact: true }).click();
  const table = page.getByRole('table', { name: 'The study under each kind of jitter' });
  await expect(table.getByRole('row')).toHaveCount(5);
  await expect(table.getByRole('rowheader', { name: /full \(yours\)/ })).toBeVisible();
  await page.getByLabel('Jitter').selectOption('none');
  await expect(table.getByRole('rowheader', { name: /none \(yours\)/ })).toBeVisible();
});

test('the timeline editor adds a moment that the run then shows', async ({ page }) => {
  await openRun(page, 'mode=traffic&duration=30&rate=20');
  const timeline = page.getByRole('group', { name: 'What happens when' });
  await timeline.getByRole('button', { name: 'Add a moment' }).click();
  await timeline.getByLabel('Moment 1: action').selectOption('db-down');
  await expect(page).toHaveURL(/timeline=10%3Adb-down/);
  await expect(progress(page)).toHaveAccessibleName('Run complete', { timeout: 60_000 });
  // The run took the moment: the charts mark it, and visitors now meet server errors.
  const stage = page.getByRole('region', { name: 'Traffic run' });
  await expect(stage.getByText('db-down').first()).toBeVisible();
  const errors = page.getByRole('region', { name: 'What the run came to' }).getByRole('definition').nth(1);
  await expect(errors).not.toHaveText('0.0%');
});

// One page per axe test, each with a run on screen: light, dark, and a phone's width.
for (const { name, dark, width } of [
  { name: 'light', dark: false, width: 1280 },
  { name: 'dark', dark: true, width: 1280 },
  { name: 'at 375 px', dark: false, width: 375 },
]) {
  test(`axe finds no violations on a finished traffic run, ${name}`, async ({ page }) => {
    if (dark) await page.emulateMedia({ colorScheme: 'dark' });
    await page.setViewportSize({ width, height: 900 });
    await openRun(page, 'preset=payments-breaker');
    await page.getByRole('region', { name: 'Requests and errors' }).getByText('Show the data as a table').click();
    expect(await axeViolations(page, ['wcag2a', 'wcag2aa', 'wcag21aa'])).toEqual([]);
  });
}

test('a lesson’s traffic card plays its run live once scrolled to, and stays axe-clean', async ({ page }) => {
  await page.goto('/learn/errors-and-retries/');
  const card = page.getByRole('figure', { name: /^Traffic run: A retry storm/ });
  await card.scrollIntoViewIfNeeded();
  await expect(card.getByRole('progressbar', { name: 'The run, live' })).toBeVisible({ timeout: 60_000 });
  const latency = card.getByRole('region', { name: 'Latency percentiles' });
  await expect(latency).toBeVisible();
  // A moment picked in a chart's table offers its requests, each a link to it in the sandbox.
  await latency.getByText('Show the data as a table').click();
  await latency.getByRole('button', { name: /^Pick 40 s/ }).click();
  const moment = card.getByRole('region', { name: /^From 40 s to 41 s of the run/ });
  const slowest = moment.getByRole('link', { name: /^Open its slowest request .* in the sandbox$/ });
  await expect(slowest).toHaveAttribute('href', /^\/sandbox\/\?preset=retry-storm&req=t\d+&v=1$/);
  expect(await axeViolations(page, ['wcag2a', 'wcag2aa', 'wcag21aa'], 'figure')).toEqual([]);
});
