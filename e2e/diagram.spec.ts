import { expect, test, type Locator, type Page } from '@playwright/test';
import { axeViolations } from './axe';
import { NODES } from '../lib/sim/topology';

/**
 * The diagram as a learner meets it: legible at every width (what counts is the rendered size, the
 * computed font size times the diagram's zoom), nothing cut off or covered, and every service, link and
 * packet a button that selects it for the inspector.
 */

const SERVICE_NAMES = Object.values(NODES).map((n) => n.label);
/** A service's button is named by its title first ("CDN edge CloudFront edge location (POP): passed"). */
const SERVICE = new RegExp(`^(?:${SERVICE_NAMES.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})\\b(?! packet)`);
const LINK = /^Link /;
const PACKET = / packet from /;

const diagramOf = (scope: Page | Locator) => scope.getByRole('group', { name: /Diagram of the request's path/ });

/** Rendered font size of an element inside a button: computed size times the scale the button is drawn at. */
async function renderedSizes(buttons: Locator, part: string): Promise<{ name: string; px: number }[]> {
  return buttons.evaluateAll((elements, selector) => {
    return elements.map((button) => {
      const scale = button.getBoundingClientRect().width / (button as HTMLElement).offsetWidth;
      const text = button.querySelector(selector) ?? button;
      return { name: (text.textContent ?? '').trim(), px: parseFloat(getComputedStyle(text).fontSize) * scale };
    });
  }, `[data-part="${part}"]`);
}

/** Every title, counterpart and label shows in full: nothing clipped, no ellipsis, nothing spilling out of its node. */
async function expectNothingCut(diagram: Locator) {
  const problems = await diagram.getByRole('button').evaluateAll((buttons) =>
    buttons.flatMap((button) => {
      const found: string[] = [];
      const name = button.getAttribute('aria-label') ?? button.textContent ?? '';
      if (button instanceof HTMLElement && (button.scrollHeight > button.clientHeight + 1 || button.scrollWidth > button.clientWidth + 1)) found.push(`${name}: overflows`);
      for (const part of button.querySelectorAll<HTMLElement>('[data-part]')) {
        if (part.textContent?.trim().endsWith('…')) found.push(`${name}: ends in …`);
        if (getComputedStyle(part).textOverflow === 'ellipsis' || part.scrollWidth > part.clientWidth + 1) found.push(`${name}: clipped`);
      }
      return found;
    }),
  );
  expect(problems).toEqual([]);
}

/** No link label covers a service, a zone title or another label. */
async function expectNoOverlaps(diagram: Locator) {
  const box = async (l: Locator) => (await l.evaluateAll((els) => els.map((e) => ({ name: e.getAttribute('aria-label') ?? e.textContent ?? '', ...e.getBoundingClientRect().toJSON() })))) as { name: string; x: number; y: number; width: number; height: number }[];
  const services = await box(diagram.getByRole('button', { name: SERVICE }));
  const labels = await box(diagram.getByRole('button', { name: LINK }));
  // Zone titles are decoration (aria-hidden), so they are found by their marker rather than a role.
  const titles = await box(diagram.locator('[data-part="zone-title"]'));
  const hit = (a: (typeof services)[number], b: (typeof services)[number]) => a.x < b.x + b.width - 0.5 && b.x < a.x + a.width - 0.5 && a.y < b.y + b.height - 0.5 && b.y < a.y + a.height - 0.5;
  const clashes: string[] = [];
  labels.forEach((label, i) => {
    for (const other of [...services, ...titles, ...labels.slice(i + 1)]) if (hit(label, other)) clashes.push(`${label.name} × ${other.name}`);
  });
  for (const title of titles) for (const service of services) if (hit(title, service)) clashes.push(`${title.name} × ${service.name}`);
  expect(clashes).toEqual([]);
}

async function expectLegible(diagram: Locator, minTitle: number) {
  const services = diagram.getByRole('button', { name: SERVICE });
  await expect(services.first()).toBeVisible();
  const titles = await renderedSizes(services, 'title');
  expect(titles.length).toBeGreaterThanOrEqual(5);
  for (const { name, px } of titles) expect(px, `${name} title`).toBeGreaterThanOrEqual(minTitle);
  const labels = await renderedSizes(diagram.getByRole('button', { name: LINK }), 'link-label');
  expect(labels.length).toBeGreaterThanOrEqual(4);
  for (const { name, px } of labels) expect(px, `${name} label`).toBeGreaterThanOrEqual(10);
}

/** The sandbox once the learner's pointer has come onto the diagram: its first use mounts React Flow. */
async function openSandbox(page: Page, query = '') {
  await page.goto(`/sandbox/${query}`);
  await expect(page.getByRole('heading', { name: 'Sandbox', level: 1 })).toBeVisible();
  const diagram = diagramOf(page);
  await diagram.hover();
  await expect(diagram.getByRole('button', { name: /^CDN edge\b/ })).toBeVisible();
  return diagram;
}

/** The first simulator of lesson 1, scrolled to so that it loads. */
async function openLessonSim(page: Page) {
  await page.goto('/learn/journey-of-a-request/');
  const sim = page.getByRole('figure', { name: 'Simulator: A healthy API call, nothing cached yet' });
  await sim.scrollIntoViewIfNeeded();
  const diagram = diagramOf(sim);
  await expect(diagram.getByRole('button', { name: /^CDN edge\b/ })).toBeVisible();
  return { sim, diagram };
}

test('until the page is used the sandbox shows a drawing of the same diagram, and a first touch makes it live', async ({ page }) => {
  await page.goto('/sandbox/');
  const diagram = diagramOf(page);
  const drawing = diagram.locator('svg[data-layout]:visible');
  // The drawing names every service and what it stands for, as the live diagram does.
  await expect(drawing).toContainText('CDN edge');
  await expect(drawing).toContainText('CloudFront edge location (POP)');
  await expect(drawing).toContainText('sg-alb');
  await expect(diagram.getByRole('button')).toHaveCount(0);
  await page.getByRole('button', { name: 'Share this moment' }).hover();
  await expect(diagram.getByRole('button', { name: /^CDN edge\b/ })).toBeVisible();
  await expect(drawing).toHaveCount(0);
});

test('a first tap on a service in the drawing selects it, as it would in the live diagram', async ({ page }) => {
  await page.goto('/sandbox/');
  // Hydrated: the sandbox has taken the list of what was done before its scripts ran.
  await page.waitForFunction(() => (window as { __roundtripEarlyInput?: unknown }).__roundtripEarlyInput === undefined);
  // A click with no pointer movement before it: it lands on the drawing.
  await diagramOf(page).locator('svg[data-layout]:visible [data-node="alb"]').dispatchEvent('click');
  await expect(page.getByRole('region', { name: 'Load balancer' })).toBeVisible();
  await expect(page).toHaveURL(/[?&]sel=alb\b/);
  await expect(diagramOf(page).getByRole('button', { name: /^Load balancer\b/ })).toHaveAttribute('aria-pressed', 'true');
});

for (const width of [1280, 375]) {
  test(`sandbox at ${width} px: titles read at 12 px or more, labels at 10 px, nothing cut or covered`, async ({ page }) => {
    await page.setViewportSize({ width, height: 800 });
    const diagram = await openSandbox(page);
    await expectLegible(diagram, 12);
    await expectNothingCut(diagram);
    await expectNoOverlaps(diagram);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  });

  test(`a lesson's simulator at ${width} px: titles read at 11 px or more, labels at 10 px, nothing cut or covered`, async ({ page }) => {
    await page.setViewportSize({ width, height: 800 });
    const { diagram } = await openLessonSim(page);
    await expectLegible(diagram, 11);
    await expectNothingCut(diagram);
    await expectNoOverlaps(diagram);
  });
}

for (const width of [1024, 768]) {
  test(`sandbox at ${width} px: nothing cut or covered`, async ({ page }) => {
    await page.setViewportSize({ width, height: 800 });
    const diagram = await openSandbox(page);
    await expectLegible(diagram, 12);
    await expectNothingCut(diagram);
    await expectNoOverlaps(diagram);
  });
}

test('the landing demo is legible on a phone, and its instructions name its controls', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto('/');
  const demo = page.getByRole('region', { name: 'Live demo: one request' });
  await demo.scrollIntoViewIfNeeded();
  const diagram = diagramOf(demo);
  await expectLegible(diagram, 11);
  await expectNothingCut(diagram);
  await expect(demo.getByText('Press Play, or Step forward, to follow the request hop by hop.')).toBeVisible();
  await expect(demo.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
  await demo.getByRole('button', { name: 'Step forward' }).click();
  await expect(demo.getByText(/^Step 1 of \d+$/)).toBeVisible();
  await diagram.getByRole('button', { name: /^Load balancer\b/ }).click();
  await expect(demo.getByText(/^Load balancer \(Application Load Balancer\)/)).toBeVisible();
});

test('clicking a service selects it: the inspector shows it and the link carries sel=', async ({ page }) => {
  const diagram = await openSandbox(page);
  const node = diagram.getByRole('button', { name: /^Load balancer\b/ });
  await node.click();
  await expect(page.getByRole('region', { name: 'Load balancer' })).toBeVisible();
  await expect(node).toHaveAttribute('aria-pressed', 'true');
  await expect(page).toHaveURL(/[?&]sel=alb\b/);
});

test('clicking a link selects it', async ({ page }) => {
  const diagram = await openSandbox(page);
  await diagram.getByRole('button', { name: 'Link App – Database: TCP · 5432' }).click();
  await expect(page.getByRole('region', { name: 'App ↔ Database' })).toContainText('TCP, port 5432');
  await expect(page).toHaveURL(/[?&]sel=link(:|%3A)app-db\b/);
});

test('clicking a packet selects its event and pauses on it', async ({ page }) => {
  const diagram = await openSandbox(page, '?t=35');
  const packet = diagram.getByRole('button', { name: PACKET }).first();
  await expect(packet).toBeVisible();
  await packet.click();
  await expect(page.getByRole('region', { name: /^Event \d+$/ })).toBeVisible();
  await expect(page).toHaveURL(/[?&]sel=e\d+/);
});

test("a lesson's simulator opens its inspector on the service clicked", async ({ page }) => {
  const { sim, diagram } = await openLessonSim(page);
  await diagram.getByRole('button', { name: /^App\b/ }).click();
  await expect(sim.getByRole('region', { name: 'App' })).toBeVisible();
  await expect(sim.getByRole('button', { name: 'Event log and inspector' })).toHaveAttribute('aria-expanded', 'true');
});

test('the legend explains service states, packets and boxes', async ({ page }) => {
  await openSandbox(page);
  // It folds under the diagram, so the stage fits one window.
  await page.getByText('What the colours and shapes mean').click();
  const states = page.getByRole('list', { name: 'Legend: services' });
  for (const words of ['Not reached yet', 'Reached', 'Working now', 'Passed', 'Blocked the request', 'Had a failure', 'Selected']) await expect(states).toContainText(words);
  const packets = page.getByRole('list', { name: /^Legend: packets/ });
  for (const kind of ['Request', 'Response', 'Handshake segment', 'DNS', 'Error']) await expect(packets).toContainText(kind);
  await expect(page.getByRole('list', { name: 'Legend: boxes' })).toContainText('NACL');
});

test('dark mode reaches the zoom controls and the credit, and axe finds nothing on the sandbox', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  const diagram = await openSandbox(page, '?t=35&sel=edge');
  await expect(diagram.getByRole('button', { name: PACKET }).first()).toBeVisible();
  const background = async (l: Locator) => l.evaluate((el) => getComputedStyle(el).backgroundColor);
  // Dark backgrounds: every channel well under the middle.
  const dark = (rgb: string) => (rgb.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).every((c) => Number(c) < 80);
  expect(dark(await background(diagram.getByRole('button', { name: 'Zoom In' })))).toBe(true);
  expect(dark(await background(diagram.getByRole('link', { name: 'React Flow attribution' }).locator('..')))).toBe(true);
  expect(await axeViolations(page, ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'])).toEqual([]);
});

test('reached by a link inside the site, the sandbox shows the live diagram without waiting for another use', async ({ page }) => {
  await page.goto('/learn/');
  // The site's own navigation (the client-side router) once the page has hydrated.
  await page.waitForFunction(() => (window as { next?: { router?: unknown } }).next?.router !== undefined);
  await page.getByRole('banner').getByRole('link', { name: 'Sandbox' }).click();
  await expect(page.getByRole('heading', { name: 'Sandbox', level: 1 })).toBeVisible();
  await expect(diagramOf(page).getByRole('button', { name: /^CDN edge\b/ })).toBeVisible();
  await expect(diagramOf(page).getByRole('button', { name: 'Zoom In' })).toBeVisible();
});
