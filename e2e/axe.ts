import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

/**
 * An axe scan of the page as a learner sees it, reduced to one line per violated rule.
 *
 * Lessons skip the layout of blocks off screen (`content-visibility: auto` in app/globals.css), and axe reads
 * colours and target sizes by hit-testing, in which skipped content takes no part: it would judge placeholders
 * (a question's number read against the next card's button), or give up on them as "incomplete". A learner only
 * ever sees a block laid out, as it is once it nears the screen, so the scan lays out every block first.
 */
export async function axeViolations(page: Page, tags: string[], include?: string): Promise<string[]> {
  await page.addStyleTag({ content: '* { content-visibility: visible !important; }' });
  const builder = new AxeBuilder({ page }).withTags(tags);
  const results = await (include ? builder.include(include) : builder).analyze();
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
