import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { LESSON_SLUGS } from '../content/manifest';

const PAGES = ['/', '/learn/', ...LESSON_SLUGS.map((slug) => `/learn/${slug}/`), '/sandbox/', '/sandbox/?preset=sqli-blocked&t=90&sel=waf', '/sandbox/?db=explode'];

for (const path of PAGES) {
  test(`axe finds no violations on ${path}`, async ({ page }) => {
    await page.goto(path);
    await page.waitForLoadState('networkidle');
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
}

test('axe finds no violations on a phone-width sandbox', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 812 });
  await page.goto('/sandbox/');
  await page.getByRole('button', { name: 'Set the conditions ↓' }).click();
  await expect(page.getByLabel('Start from a preset')).toBeVisible();
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
});

// One page per test, so a busy machine never has to fit three scans into one test's time.
for (const path of ['/', '/learn/journey-of-a-request/', '/sandbox/']) {
  test(`axe finds no violations in dark mode on ${path}`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(path);
    await page.waitForLoadState('networkidle');
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
    expect(results.violations.map((v) => `${path} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
}
