import { expect, test, type Page } from '@playwright/test';
import { runScenario } from '../lib/sim';
import { decodeLink } from '../lib/scenario/url-codec';

/**
 * The story follows time: every event is a step with its own caption, the log and the waterfall pick
 * exact events, and the keyboard moves what has focus. The expected captions come from the engine itself.
 */
const SLOW = '?db=slow&cache=off';
const slow = runScenario(decodeLink(SLOW).scenario);
const total = slow.events.length;

async function openSandbox(page: Page) {
  await page.goto(`/sandbox/${SLOW}`);
  await expect(page.getByRole('heading', { name: 'Sandbox', level: 1 })).toBeVisible();
  await showPanel(page, 'Log');
  // The link is applied once the page is interactive: the log then lists the slow run's events.
  await expect(log(page).getByRole('option')).toHaveCount(total);
}

/** The log, the waterfall and the inspector are tabs beside the stage. */
async function showPanel(page: Page, name: 'Log' | 'Waterfall' | 'Inspector') {
  const tab = page.getByRole('tablist', { name: 'Panels' }).getByRole('tab', { name, exact: true });
  await tab.click();
  await expect(tab).toHaveAttribute('aria-selected', 'true');
}

const log = (page: Page) => page.getByRole('listbox', { name: 'Events in order' });
const waterfall = (page: Page) => page.getByRole('listbox', { name: 'Calls, who waits for whom' });
const counter = (page: Page) => page.getByText(/^Step \d+ of \d+$|^Ready$/);
/** The caption's sentence: the live region under the step counter. */
const caption = (page: Page) => page.locator('[aria-live="polite"][aria-atomic="true"]').first();

test('stepping through a slow query visits every event, one caption per step, counting up by one', async ({ page }) => {
  // 139 steps, each waited on: generous, for a busy machine.
  test.setTimeout(480_000);
  await openSandbox(page);
  await expect(counter(page)).toHaveText('Ready');
  const forward = page.getByRole('button', { name: 'Step forward' });
  for (let i = 0; i < total; i++) {
    await forward.click();
    await expect(counter(page)).toHaveText(`Step ${i + 1} of ${total}`);
    await expect(caption(page)).toHaveText(slow.events[i]!.narration);
  }
  // The timeouts, the retry waits, the 503 and the browser's own wait were all among them.
  for (const kind of ['timeout', 'retry-wait', 'orphaned'] as const) expect(slow.events.some((e) => e.kind === kind)).toBe(true);
  expect(slow.events.some((e) => e.kind === 'response' && e.status === 503 && e.to === 'browser')).toBe(true);

  await page.getByRole('button', { name: 'Step back' }).click();
  await expect(counter(page)).toHaveText(`Step ${total - 1} of ${total}`);
});

test('the app’s timeout, its retry wait and the 503 each have a caption of their own', async ({ page }) => {
  await openSandbox(page);
  const timeout = slow.events.find((e) => e.kind === 'timeout' && e.from === 'app')!;
  const wait = slow.events.find((e) => e.kind === 'retry-wait' && e.from === 'app')!;
  const error = slow.events.find((e) => e.kind === 'response' && e.status === 503 && e.to === 'browser')!;
  for (const event of [timeout, wait, error]) {
    await log(page).getByRole('option', { name: new RegExp(`^Step ${event.id + 1} `) }).click();
    await expect(counter(page)).toHaveText(`Step ${event.id + 1} of ${total}`);
    await expect(caption(page)).toHaveText(event.narration);
  }
  // While the app times out, the 4 s query it gave up on is still shown running.
  await log(page).getByRole('option', { name: new RegExp(`^Step ${timeout.id + 1} `) }).click();
  await expect(page.getByText(/^Still running: Database/)).toBeVisible();
});

test('clicking a log line among events that share a timestamp captions exactly that event', async ({ page }) => {
  await openSandbox(page);
  const retry = slow.events.find((e) => e.kind === 'retry' && e.from === 'app')!;
  const together = slow.events.filter((e) => e.t === retry.t);
  expect(together.length).toBeGreaterThanOrEqual(3);
  for (const event of [together[1]!, together[0]!, together.at(-1)!]) {
    const line = log(page).getByRole('option', { name: new RegExp(`^Step ${event.id + 1} `) });
    await line.click();
    await expect(line).toHaveAttribute('aria-selected', 'true');
    await expect(counter(page)).toHaveText(`Step ${event.id + 1} of ${total}`);
    await expect(caption(page)).toHaveText(event.narration);
    await showPanel(page, 'Inspector');
    await expect(page.getByRole('heading', { name: `Event ${event.id + 1}` })).toBeVisible();
    await showPanel(page, 'Log');
  }
});

test('the event log is one tab stop, moved through with the arrow keys', async ({ page }) => {
  await openSandbox(page);
  await expect(log(page).locator('[tabindex="0"]')).toHaveCount(1);
  await page.getByRole('radio', { name: 'Everything' }).focus();
  await page.keyboard.press('Tab');
  const first = log(page).getByRole('option', { name: /^Step 1 / });
  await expect(first).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  const third = log(page).getByRole('option', { name: /^Step 3 / });
  await expect(third).toBeFocused();
  // Arrows inside the log move through it, not the timeline.
  await expect(counter(page)).toHaveText('Ready');
  await page.keyboard.press('Enter');
  await expect(counter(page)).toHaveText(`Step 3 of ${total}`);
  await expect(caption(page)).toHaveText(slow.events[2]!.narration);
  await page.keyboard.press('End');
  await expect(log(page).getByRole('option', { name: new RegExp(`^Step ${total} `) })).toBeFocused();
  // One more Tab leaves the log altogether.
  await page.keyboard.press('Tab');
  expect(await log(page).evaluate((el) => el.contains(document.activeElement))).toBe(false);
  // Tabbing back lands on the line that matches the screen.
  await page.keyboard.press('Shift+Tab');
  await expect(log(page).getByRole('option', { name: /^Step 3 / })).toBeFocused();
});

test('arrow keys in a select or a radio group change the choice, not the timeline', async ({ page }) => {
  await openSandbox(page);
  const speed = page.getByLabel('Speed');
  await speed.selectOption('1');
  await speed.focus();
  await page.keyboard.press('ArrowDown');
  await expect(speed).toHaveValue('1.5');
  await page.keyboard.press('ArrowLeft');
  await expect(counter(page)).toHaveText('Ready');

  const everything = page.getByRole('radio', { name: 'Everything' });
  await everything.focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('radio', { name: 'Packets' })).toBeChecked();
  await expect(counter(page)).toHaveText('Ready');

  await page.getByRole('radio', { name: 'Readable' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('radio', { name: 'True time' })).toBeChecked();
  await expect(counter(page)).toHaveText('Ready');

  // Outside a control the same key steps.
  await page.getByRole('heading', { name: 'Sandbox', level: 1 }).click();
  await page.keyboard.press('ArrowRight');
  await expect(counter(page)).toHaveText(`Step 1 of ${total}`);
});

test('clicking a waterfall bar selects its event', async ({ page }) => {
  await openSandbox(page);
  await showPanel(page, 'Waterfall');
  const queries = slow.events.filter((e) => e.kind === 'db-query');
  const bar = waterfall(page).getByRole('option', { name: /^App → DB, try 2:/ }).first();
  // On the label, away from the bar's stretches: the bar's own request is picked.
  await bar.click({ position: { x: 12, y: 8 } });
  await expect(bar).toHaveAttribute('aria-selected', 'true');
  await expect(counter(page)).toHaveText(`Step ${queries[1]!.id + 1} of ${total}`);
  expect(new URL(page.url()).searchParams.get('sel')).toBe(`e${queries[1]!.id}`);

  // A stretch of the bar picks the event it shows: the work nobody reads ends with the orphaned answer.
  await bar.locator('[title^="Work nobody reads"]').click();
  await expect(caption(page)).toHaveText(/nobody will read it/);
  await expect(bar).toHaveAttribute('aria-selected', 'true');
  // The inspector, a tab away, is on the event the bar picked.
  await expect(page).toHaveURL(/[?&]sel=e\d+/);
  const picked = Number(new URL(page.url()).searchParams.get('sel')!.slice(1));
  expect(slow.events[picked]!.kind).toBe('orphaned');
  await showPanel(page, 'Inspector');
  await expect(page.getByRole('heading', { name: `Event ${picked + 1}` })).toBeVisible();
});

test('pausing writes the cursor to the link in whole or one-decimal milliseconds', async ({ page }) => {
  await openSandbox(page);
  await page.getByLabel('Speed').selectOption('0.5');
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  await expect(counter(page)).toHaveText(/^Step [3-9]\d* of/);
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(page).toHaveURL(/[?&]t=\d+(\.\d)?(&|$)/);
  const t = new URL(page.url()).searchParams.get('t')!;
  expect(t).toMatch(/^\d+(\.\d)?$/);
  await expect(page.getByRole('slider', { name: 'Playback position' })).toHaveAttribute('aria-valuetext', /, step \d+ of/);
});

test('the scrubber’s keys step through the story, and the ending is marked', async ({ page }) => {
  await openSandbox(page);
  const slider = page.getByRole('slider', { name: 'Playback position' });
  await slider.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(counter(page)).toHaveText(`Step 2 of ${total}`);
  await expect(slider).toHaveAttribute('aria-valuetext', new RegExp(`step 2 of ${total}$`));
  await page.keyboard.press('ArrowLeft');
  await expect(counter(page)).toHaveText(`Step 1 of ${total}`);
  // Page Up moves a tenth of the run.
  const before = Number(await slider.inputValue());
  await page.keyboard.press('PageUp');
  await expect.poll(async () => Number(await slider.inputValue())).toBeGreaterThanOrEqual(before + 99);

  const answer = slow.events.find((e) => e.to === 'browser' && e.t + e.durationMs === slow.outcome.latencyMs)!;
  await page.getByRole('button', { name: /^Answer at / }).click();
  await expect(caption(page)).toHaveText(answer.narration);
  await page.getByRole('button', { name: /^Work nobody reads, until / }).click();
  await expect(counter(page)).toHaveText(`Step ${total} of ${total}`);
  await expect(caption(page)).toHaveText(/nobody will read it/);

  await page.getByRole('radio', { name: 'True time' }).check();
  await slider.focus();
  await page.keyboard.press('End');
  await expect(slider).toHaveValue('1000');
  await expect(counter(page)).toHaveText(`Step ${total} of ${total}`);
});
