import { expect, type Locator } from '@playwright/test';

/**
 * Scrolls an element into view, as a learner scrolling to it would. A dormant island (components/ui/Dormant) may
 * wake while Playwright waits for the element to be stable and put its live twin in its place; Playwright then
 * reports the element detached instead of finding it again, so the scroll is tried again on the element now there.
 */
export async function scrollIntoView(locator: Locator): Promise<void> {
  await expect(async () => {
    await locator.scrollIntoViewIfNeeded({ timeout: 5_000 });
  }).toPass({ timeout: 30_000 });
}
