import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

/** Every rule axe has for WCAG 2.0–2.2 A and AA, and its best practices. */
export const ALL_AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/**
 * An axe scan of the page as a learner sees it, reduced to one line per violated rule.
 *
 * Lessons skip the layout of blocks off screen (`content-visibility: auto` in app/globals.css). axe finds what
 * lies behind a text and what crowds a target from elements' rectangles and from hit-testing; a skipped block is
 * not hit-tested and its rectangles come from a layout of their own, so axe gives up on much of its text as
 * "incomplete". A learner only ever sees a block laid out, as it is once it nears the screen, so this scan lays
 * out every block first.
 */
export async function axeViolations(page: Page, tags: string[], include?: string): Promise<string[]> {
  await page.addStyleTag({ content: '* { content-visibility: visible !important; }' });
  return axeViolationsAsLoaded(page, tags, include);
}

/**
 * The same scan of the page as it is, off-screen blocks skipped, as Lighthouse's accessibility audit sees it.
 * A placeholder shorter than its block lets the block's rectangles overlap the next one's, and axe would read
 * one's text against the other's background.
 */
export async function axeViolationsAsLoaded(page: Page, tags: string[], include?: string): Promise<string[]> {
  const builder = new AxeBuilder({ page }).withTags(tags);
  const results = await (include ? builder.include(include) : builder).analyze();
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
