import { expect, test } from '@playwright/test';
import { ALL_AXE_TAGS, axeViolations, axeViolationsAsLoaded } from './axe';
import { LESSON_SLUGS } from '../content/manifest';

const PAGES = ['/', '/learn/', ...LESSON_SLUGS.map((slug) => `/learn/${slug}/`), '/sandbox/', '/sandbox/?preset=sqli-blocked&t=90&sel=waf', '/sandbox/?db=explode'];

for (const path of PAGES) {
  test(`axe finds no violations on ${path}`, async ({ page }) => {
    await page.goto(path);
    await page.waitForLoadState('networkidle');
    expect(await axeViolationsAsLoaded(page, ALL_AXE_TAGS)).toEqual([]);
    expect(await axeViolations(page, ALL_AXE_TAGS)).toEqual([]);
  });
}

test('axe finds no violations on a phone-width sandbox', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 812 });
  await page.goto('/sandbox/');
  await page.getByRole('button', { name: 'Set the conditions ↓' }).click();
  await expect(page.getByLabel('Start from a preset')).toBeVisible();
  expect(await axeViolations(page, ['wcag2a', 'wcag2aa', 'wcag21aa'])).toEqual([]);
});

// A phone is where a lesson's wide tables scroll sideways, so where they must take focus.
test('axe finds no violations on a phone-width lesson', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 812 });
  await page.goto('/learn/defence-stack/');
  await page.waitForLoadState('networkidle');
  // With its contents open, so their links are scanned too.
  await page.locator('summary', { hasText: 'On this page' }).click();
  await expect(page.getByRole('navigation', { name: 'On this page' })).toBeVisible();
  expect(await axeViolations(page, ALL_AXE_TAGS)).toEqual([]);
});

// One page per test, so a busy machine never has to fit three scans into one test's time.
for (const path of ['/', '/learn/journey-of-a-request/', '/sandbox/']) {
  test(`axe finds no violations in dark mode on ${path}`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(path);
    await page.waitForLoadState('networkidle');
    expect((await axeViolations(page, ['wcag2a', 'wcag2aa'])).map((line) => `${path} ${line}`)).toEqual([]);
  });
}
