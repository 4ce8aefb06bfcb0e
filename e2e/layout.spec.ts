import { expect, test, type Page } from '@playwright/test';
import { ALL_AXE_TAGS, axeViolations } from './axe';
import { scrollIntoView } from './scroll';
import { LESSON_SLUGS } from '../content/manifest';
import { DEFAULT_SCENARIO } from '../lib/scenario/defaults';
import { runScenario } from '../lib/sim';

async function openSandbox(page: Page, query = '') {
  await page.goto(`/sandbox/${query}`);
  await expect(page.getByRole('heading', { name: 'Sandbox', level: 1 })).toBeVisible();
}

const caption = (page: Page) => page.getByText(/^Step \d+ of \d+$|^Ready$/);
const layersOf = (page: Page) => page.getByRole('region', { name: /^Event \d+$/ }).getByRole('list', { name: 'Layers' });

test.describe('at 1280×800', () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  test('the diagram, the caption and the player stay in view while the conditions, the inspector and the log scroll', async ({ page }) => {
    await openSandbox(page);
    const diagram = page.getByRole('group', { name: /^Diagram of the request/ });
    const stageInView = async () => {
      await expect(diagram).toBeInViewport({ ratio: 0.95 });
      await expect(caption(page)).toBeInViewport();
      await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeInViewport();
      await expect(page.getByRole('slider', { name: 'Playback position' })).toBeInViewport();
    };
    await stageInView();
    // The page itself never scrolls: the panels do, each on its own.
    expect(await page.evaluate(() => document.documentElement.scrollHeight <= window.innerHeight)).toBe(true);

    // The conditions: the last one is far down its panel; bringing it into view scrolls the panel, not the stage.
    const panels = page.getByRole('tablist', { name: 'Panels' });
    await expect(panels.getByRole('tab', { name: 'Conditions' })).toHaveAttribute('aria-selected', 'true');
    const preset = page.getByLabel('Start from a preset');
    await expect(preset).toBeInViewport();
    const last = page.getByRole('form', { name: 'Conditions' }).getByRole('group').last();
    await scrollIntoView(last);
    await expect(last).toBeInViewport();
    await expect(preset).not.toBeInViewport();
    await stageInView();

    // The log: its list scrolls inside its panel, and picking a line steps the caption there.
    await panels.getByRole('tab', { name: 'Log' }).click();
    const log = page.getByRole('listbox', { name: 'Events in order' });
    const lastLine = log.getByRole('option').last();
    await scrollIntoView(lastLine);
    await expect(lastLine).toBeInViewport();
    await expect(log.getByRole('option').first()).not.toBeInViewport();
    await lastLine.click();
    await expect(caption(page)).toHaveText(/^Step (\d+) of \1$/);
    await stageInView();
  });

  test('clicking a service shows the inspector beside the diagram, both in view', async ({ page }) => {
    await openSandbox(page);
    const diagram = page.getByRole('group', { name: /^Diagram of the request/ });
    // The pointer coming onto the diagram is the page's first use: the live diagram mounts.
    await diagram.hover();
    await diagram.getByRole('button', { name: /^Load balancer/ }).click();
    const panels = page.getByRole('tablist', { name: 'Panels' });
    await expect(panels.getByRole('tab', { name: 'Inspector' })).toHaveAttribute('aria-selected', 'true');
    const inspector = page.getByRole('region', { name: 'Load balancer' });
    await expect(inspector).toBeInViewport();
    await expect(inspector.getByRole('heading', { name: 'Load balancer' })).toBeInViewport();
    await expect(diagram).toBeInViewport({ ratio: 0.95 });
    await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeInViewport();
    // The inspector's own content scrolls in its panel; the stage stays.
    const menu = inspector.getByLabel('Inspect a link');
    await scrollIntoView(menu);
    await expect(menu).toBeInViewport();
    await expect(diagram).toBeInViewport({ ratio: 0.95 });
  });

  test('the panels are tabs: the arrow keys move between them', async ({ page }) => {
    await openSandbox(page);
    const panels = page.getByRole('tablist', { name: 'Panels' });
    await panels.getByRole('tab', { name: 'Conditions' }).focus();
    await page.keyboard.press('ArrowRight');
    await expect(panels.getByRole('tab', { name: 'Inspector' })).toBeFocused();
    await expect(page.getByRole('tabpanel', { name: 'Inspector' })).toBeVisible();
    await page.keyboard.press('End');
    await expect(panels.getByRole('tab', { name: 'Waterfall' })).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByRole('listbox', { name: 'Calls, who waits for whom' })).toBeInViewport();
    // The arrows belong to the tabs here, not to the timeline.
    await expect(caption(page)).toHaveText('Ready');
  });

  test('a link that names a selection opens on the inspector', async ({ page }) => {
    await openSandbox(page, '?t=71&sel=e10');
    await expect(page.getByRole('tab', { name: 'Inspector' })).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByRole('region', { name: 'Event 11' })).toBeInViewport();
  });

  test('changing a condition says what changed, and keeps the step', async ({ page }) => {
    await openSandbox(page);
    for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Step forward' }).click();
    const narration = page.getByRole('region', { name: 'Player' }).locator('p[aria-live]');
    await expect(narration).toContainText('DNS answers');
    const before = await narration.textContent();
    await page.getByLabel('What the edge holds').selectOption('fresh');
    await expect(page.getByRole('status', { name: 'What changed' })).toHaveText(/^Since your last change: .*cache miss → cache hit/);
    // Name resolution happens before anything the cache decides, so the learner is still at the same step,
    // though its number moved: the fresh copy's arrival is now the run's first event.
    await expect(narration).toHaveText(before ?? '');
  });

  test('the preset menu says Custom once the conditions match no preset', async ({ page }) => {
    await openSandbox(page);
    const preset = page.getByLabel('Start from a preset');
    await preset.selectOption('db-timeout');
    await expect(preset.locator('option:checked')).toHaveText('Slow database, retries with jitter');
    await page.getByLabel('Method').selectOption('PUT');
    await expect(preset).toHaveValue('custom');
    await expect(preset.locator('option:checked')).toHaveText('Custom');
    // Back to GET: the conditions are the preset's again, and the menu says so.
    await page.getByLabel('Method').selectOption('GET');
    await expect(preset).toHaveValue('db-timeout');
  });

  test('a figure in the outcome explains itself from the keyboard', async ({ page }) => {
    await openSandbox(page);
    const outcome = page.getByRole('region', { name: 'Outcome' });
    const attempts = outcome.getByRole('button', { name: 'Attempts', exact: true });
    await expect(attempts).toHaveAttribute('aria-expanded', 'false');
    await attempts.focus();
    await page.keyboard.press('Enter');
    await expect(attempts).toHaveAttribute('aria-expanded', 'true');
    const tip = outcome.getByRole('tooltip');
    await expect(tip).toBeVisible();
    await expect(tip).toContainText('first try');
    await expect(attempts).toHaveAccessibleDescription(/first try/);
    await page.keyboard.press('Escape');
    await expect(tip).toBeHidden();
    await expect(attempts).toHaveAttribute('aria-expanded', 'false');
  });

  test('the skip link goes straight to the player', async ({ page }) => {
    await openSandbox(page);
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to the player' });
    await expect(skip).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('region', { name: 'Player' })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Go to start' })).toBeFocused();
  });

  test('the inspector shows a DNS question as UDP, with no TCP and no TLS', async ({ page }) => {
    await openSandbox(page, '?sel=e0');
    const layers = layersOf(page);
    await expect(layers).toContainText('IPv4');
    await expect(layers).toContainText('UDP');
    await expect(layers).toContainText('DNS');
    await expect(layers).not.toContainText('TCP');
    await expect(layers).not.toContainText('TLS');
  });

  test('the inspector shows load balancer → Nginx as plain HTTP on port 80: no TLS', async ({ page }) => {
    // The link names the event, as a shared link does; picking it from the log is covered by the timeline tests.
    const request = runScenario(DEFAULT_SCENARIO).events.find((e) => e.kind === 'request' && e.from === 'alb' && e.to === 'web')!;
    await openSandbox(page, `?sel=e${request.id}`);
    const layers = layersOf(page);
    await expect(layers).toContainText('TCP');
    await expect(layers).toContainText('→ 80');
    await expect(layers).toContainText('HTTP');
    await expect(layers).not.toContainText('TLS');
    // A layer opens to its fields.
    await layers.locator('summary').filter({ hasText: /^\s*TCP/ }).first().click();
    await expect(layers.getByText('Destination port')).toBeInViewport();
  });
});

test.describe('on a 375 px phone', () => {
  test.use({ viewport: { width: 375, height: 800 } });

  test('a compact player bar stays at hand while the diagram is on screen', async ({ page }) => {
    await openSandbox(page);
    const bar = page.getByRole('group', { name: 'Player bar' });
    await expect(bar).toBeVisible();
    await bar.getByRole('button', { name: 'Step forward' }).click();
    await expect(bar).toContainText('Step 1/');
    await expect(page.getByText(/^Step 1 of \d+$/)).toHaveCount(1);
    // With the full player on screen the bar steps aside.
    await page.getByRole('region', { name: 'Player' }).scrollIntoViewIfNeeded();
    await expect(bar).toBeHidden();
  });

  test('tapping a service opens the inspector under the player, one tap away from the diagram', async ({ page }) => {
    await openSandbox(page);
    const bar = page.getByRole('group', { name: 'Player bar' });
    await expect(bar).toBeVisible();
    await expect(bar.getByRole('button', { name: 'Details ↓' })).toHaveCount(0);
    // The first tap of the page, on the service: it lands on the drawing or, if that tap woke it in time, the live diagram.
    await page.getByRole('group', { name: /^Diagram of the request/ }).locator('[data-node="edge"]:visible').click();
    await expect(page.getByRole('tab', { name: 'Inspector' })).toHaveAttribute('aria-selected', 'true');
    await bar.getByRole('button', { name: 'Details ↓' }).click();
    await expect(page.getByRole('region', { name: 'CDN edge' }).getByRole('heading', { name: 'CDN edge' })).toBeInViewport();
  });

  test('axe finds no violations on the sandbox in dark mode', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await openSandbox(page, '?sel=e10');
    await page.waitForLoadState('networkidle');
    await expect(page.getByRole('group', { name: 'Player bar' })).toBeVisible();
    expect(await axeViolations(page, ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])).toEqual([]);
  });
});

test.describe('on a touch screen', () => {
  test.use({ viewport: { width: 375, height: 800 }, isMobile: true, hasTouch: true });
  const scrollbarWidth = (page: Page) => page.evaluate(() => getComputedStyle(document.documentElement).scrollbarWidth);

  test("the page's overlay scrollbar stays hidden while it loads, and shows from the first scroll on", async ({ page }) => {
    await page.goto(`/learn/${LESSON_SLUGS[0]}/`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    expect(await scrollbarWidth(page)).toBe('none');
    await scrollIntoView(page.getByRole('heading', { level: 2 }).last());
    await expect.poll(() => scrollbarWidth(page)).toBe('auto');
  });
});

test.describe("on Lighthouse's phone (412 × 823, touch)", () => {
  test.use({ viewport: { width: 412, height: 823 }, isMobile: true, hasTouch: true });

  test('a simulator just below the screen loads once the reader starts scrolling, not while the page loads', async ({ page }) => {
    // The edge-caching lesson's first simulator starts ~125 px below this screen: within reach, not in view.
    await page.goto('/learn/edge-caching/');
    await page.waitForLoadState('networkidle');
    const simulator = page.getByRole('figure', { name: 'Simulator: A fresh copy at the edge' });
    const top = await simulator.evaluate((figure) => figure.getBoundingClientRect().top);
    expect(top).toBeGreaterThan(823);
    await expect(simulator).toContainText('Loading the simulator…');
    await page.mouse.wheel(0, 300);
    await expect(simulator.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
  });
});

test('with a mouse the scrollbar is never hidden', async ({ page }) => {
  await page.goto(`/learn/${LESSON_SLUGS[0]}/`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).scrollbarWidth)).toBe('auto');
});

test.describe('the 404 page', () => {
  test('answers 404 and links to the lessons and the sandbox', async ({ page }) => {
    const response = await page.goto('/no-such-page/');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('This request went nowhere.');
    await expect(page.getByRole('link', { name: 'See all lessons' })).toHaveAttribute('href', '/learn/');
    await expect(page.getByRole('link', { name: 'Open the sandbox' })).toHaveAttribute('href', '/sandbox/');
    const lessons = page.getByRole('main').getByRole('listitem').getByRole('link');
    await expect(lessons).toHaveCount(LESSON_SLUGS.length);
    await expect(lessons.first()).toHaveAttribute('href', `/learn/${LESSON_SLUGS[0]}/`);
    await page.getByRole('link', { name: 'Open the sandbox' }).click();
    await expect(page.getByRole('heading', { name: 'Sandbox', level: 1 })).toBeVisible();
  });

  test('axe finds no violations on it', async ({ page }) => {
    await page.goto('/no-such-page/');
    await page.waitForLoadState('networkidle');
    expect(await axeViolations(page, ALL_AXE_TAGS)).toEqual([]);
  });
});

test.describe("a lesson's quiz cards", () => {
  // The narrowest width the site is laid out for; the wider bands are read from the stylesheet itself.
  const NARROWEST = 320;

  test('are never taller than the placeholder they hold while skipped', async ({ page }) => {
    test.setTimeout(180_000);
    // The cards as the HTML brings them; the live quiz renders the same markup.
    await page.route('**/_next/static/chunks/*.js', (route) => route.abort());
    const tooTall: string[] = [];
    for (const slug of LESSON_SLUGS) {
      await page.setViewportSize({ width: NARROWEST, height: 800 });
      await page.goto(`/learn/${slug}/`);
      // Each `@media` width query that resizes `.quiz-card` in app/globals.css starts a band; cards only get
      // shorter as the page widens, so each band is checked at its narrowest width.
      const floors = await page.evaluate(() =>
        [...document.styleSheets]
          .flatMap((sheet) => [...sheet.cssRules])
          .filter((rule): rule is CSSMediaRule => rule instanceof CSSMediaRule && [...rule.cssRules].some((inner) => inner instanceof CSSStyleRule && inner.selectorText === '.quiz-card'))
          .map((rule) => Number(/(\d+)px/.exec(rule.conditionText)?.[1])),
      );
      expect(floors.length, 'the stylesheet has width bands for .quiz-card').toBeGreaterThan(0);
      for (const width of [NARROWEST, ...floors]) {
        await page.setViewportSize({ width, height: 800 });
        const cards = await page.locator('.quiz-card').evaluateAll((items) =>
          items.map((item) => {
            const placeholder = Number.parseFloat(getComputedStyle(item).containIntrinsicHeight.replace('auto', ''));
            (item as HTMLElement).style.contentVisibility = 'visible';
            const height = item.getBoundingClientRect().height;
            (item as HTMLElement).style.contentVisibility = '';
            return { height, placeholder };
          }),
        );
        expect(cards.length, `${slug} has quiz cards`).toBeGreaterThan(0);
        cards.forEach(({ height, placeholder }, index) => {
          if (!(height <= placeholder)) tooTall.push(`${slug} question ${index + 1} at ${width} px: ${Math.ceil(height)} px, placeholder ${placeholder} px`);
        });
      }
    }
    // A card taller than its placeholder: raise that band's `contain-intrinsic-size` in app/globals.css.
    expect(tooTall).toEqual([]);
  });
});
