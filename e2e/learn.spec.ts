import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { LESSON_SLUGS } from '../content/manifest';
import { holdScripts } from './hold-scripts';
import { quiz as written } from '../content/quizzes/journey-of-a-request';
import { quizAsShown } from '../lib/content/figure-text';
import { optionLetter } from '../lib/quiz/letters';
import { engineAnswer } from '../lib/quiz/predict';
import { choiceSentence } from '../lib/quiz/predict-words';
import type { Predict, SingleChoice } from '../lib/quiz/types';

// The quiz as the page shows it, engine figures filled in.
const quiz = quizAsShown(written);

const LESSON = '/learn/journey-of-a-request/';
const singles = quiz.questions.filter((q): q is SingleChoice => q.type === 'single');

async function answerSingle(page: Page, question: SingleChoice, optionId: string) {
  const card = page.getByRole('group', { name: question.prompt });
  const index = question.options.findIndex((o) => o.id === optionId);
  // Options carry the letters explanations refer to them by.
  await card.getByRole('radio', { name: `${optionLetter(index)} ${question.options[index]!.text}`, exact: true }).check();
  await card.locator('..').getByRole('button', { name: 'Check answer' }).click();
  return card.locator('..');
}

test('a learner reads a lesson, plays an embedded simulator and takes the quiz; progress survives a reload', async ({ page }) => {
  await page.goto(LESSON);
  await expect(page.getByRole('heading', { level: 1, name: 'The journey of a request' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'On this page' })).toBeVisible();

  // The first embedded simulator loads after the text and plays from its own controls.
  const sim = page.getByRole('figure', { name: /^Simulator:/ }).first();
  await sim.scrollIntoViewIfNeeded();
  await sim.getByRole('button', { name: 'Go to end' }).click();
  await expect(sim.getByRole('region', { name: 'Outcome' })).toContainText('Status');
  await sim.getByRole('button', { name: 'Change the conditions' }).click();
  await sim.getByLabel('What the edge holds').selectOption('fresh');
  await sim.getByRole('button', { name: 'Go to end' }).click();
  await expect(sim.getByRole('region', { name: 'Outcome' })).toContainText('cache hit');
  await expect(sim.getByRole('link', { name: 'Open in the sandbox' })).toHaveAttribute('href', /^\/sandbox\//);

  // Right, then wrong: a right answer shows the explanation, a wrong one offers another try; the score counts.
  const right = await answerSingle(page, singles[0]!, singles[0]!.answer);
  await expect(right).toContainText('Correct.');
  await expect(right).toContainText(singles[0]!.explanation.slice(0, 40));
  const wrongOption = singles[1]!.options.find((o) => o.id !== singles[1]!.answer)!;
  const wrong = await answerSingle(page, singles[1]!, wrongOption.id);
  await expect(wrong).toContainText('Not quite.');
  await expect(wrong.getByRole('button', { name: 'Try again' })).toBeVisible();
  const score = `Score: 1 of ${quiz.questions.length} right on the first try (2 of ${quiz.questions.length} answered).`;
  await expect(page.getByText(score)).toBeVisible();

  await page.reload();
  await expect(page.getByText(score)).toBeVisible();
  await expect(right).toContainText('Correct.');
  await expect(wrong).toContainText('Not quite.');

  // Trying again asks, then clears the answers.
  await page.getByRole('button', { name: 'Try the quiz again' }).click();
  await page.getByRole('dialog', { name: 'Start the quiz again?' }).getByRole('button', { name: 'Clear my answers' }).click();
  await expect(page.getByText(`${quiz.questions.length} questions. Every answer comes with an explanation.`, { exact: false })).toBeVisible();
});

// The engine decides the right answer here exactly as it does on the page, so nothing is written down twice.
const predict = quiz.questions.find((q): q is Predict => q.type === 'predict')!;
const engineChoice = engineAnswer(predict);
const wrongChoice = predict.choices.find((c) => c !== engineChoice)!;

async function answerPredict(page: Page, choice: string) {
  await page.goto(LESSON);
  const card = page.getByRole('group', { name: predict.prompt });
  await card.getByRole('radio', { name: choiceSentence(predict.ask, choice), exact: true }).check();
  await card.locator('..').getByRole('button', { name: 'Check answer' }).click();
  return card.locator('..');
}

test.describe('a predict question is graded by running the simulator', () => {
  // Each test has a fresh browser context, so the wrong answer is not hidden behind the right one's saved progress.
  test("the engine's own answer is graded correct", async ({ page }) => {
    const result = await answerPredict(page, engineChoice);
    await expect(result).toContainText('Correct.');
    await expect(result).not.toContainText('Not quite.');
  });

  test("another answer is graded wrong, and the engine's answer is named, as a sentence", async ({ page }) => {
    const result = await answerPredict(page, wrongChoice);
    await expect(result).toContainText('Not quite.');
    await result.getByRole('button', { name: 'Show the answer' }).click();
    await expect(result).toContainText(`The answer: ${choiceSentence(predict.ask, engineChoice)}`);
  });
});

test('progress is exported to a file and imported back; a foreign file changes nothing', async ({ page }) => {
  await page.goto(LESSON);
  await answerSingle(page, singles[0]!, singles[0]!.answer);
  await page.goto('/learn/');
  const status = `Quiz: 1 of ${quiz.questions.length} answered, 1 right first time`;
  await expect(page.getByText(status)).toBeVisible();

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export progress' }).click();
  const file = await (await download).path();
  const exported = readFileSync(file!, 'utf8');
  expect(JSON.parse(exported).kind).toBe('roundtrip-progress');

  await page.evaluate(() => window.localStorage.clear());
  await page.reload();
  await expect(page.getByText('Lesson not complete yet')).toHaveCount(0);

  const input = page.getByLabel('Import progress…');
  await input.setInputFiles({ name: 'package.json', mimeType: 'application/json', buffer: Buffer.from('{"name":"x","version":"1.0.0"}') });
  await expect(page.getByRole('status').filter({ hasText: 'not a Roundtrip progress file' })).toBeVisible();
  await expect(page.getByText('Lesson not complete yet')).toHaveCount(0);

  await input.setInputFiles({ name: 'roundtrip-progress.json', mimeType: 'application/json', buffer: Buffer.from(exported) });
  await expect(page.getByRole('status').filter({ hasText: 'Progress imported: 1 lesson added, nothing lost.' })).toBeVisible();
  await expect(page.getByText(status)).toBeVisible();
});

test('a progress file chosen before the scripts have loaded is read once the page is live', async ({ page }) => {
  const release = await holdScripts(page);
  await page.goto('/learn/', { waitUntil: 'domcontentloaded' });
  await page.getByLabel('Import progress…').setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('[1, 2, 3]') });
  release();
  await expect(page.getByRole('status').filter({ hasText: 'not a Roundtrip progress file' })).toBeVisible();
});

test('the course index lists every lesson in order, with a way in from the landing page', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('link', { name: 'Start lesson 1' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'The journey of a request' })).toBeVisible();
  await page.getByRole('link', { name: /^Next/ }).click();
  await expect(page).toHaveURL(/\/learn\/ports-and-protocols\/$/);
  await page.goto('/learn/');
  await expect(page.getByRole('heading', { level: 2 }).first()).toHaveText(/^1\. /);
});

test('a lesson fits a 375 px phone', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 375, height: 812 });
  await page.goto(LESSON);
  const sim = page.getByRole('figure', { name: /^Simulator:/ }).first();
  await sim.scrollIntoViewIfNeeded();
  await sim.getByRole('button', { name: 'Go to end' }).waitFor();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: testInfo.outputPath('lesson-375.png') });
});

test('on a phone a lesson opens on its title; its contents are a closed disclosure that opens from the keyboard', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 812 });
  await page.goto(LESSON);
  const title = page.getByRole('heading', { level: 1, name: 'The journey of a request' });
  const summary = page.locator('summary', { hasText: 'On this page' });
  await expect(title).toBeInViewport();
  await expect(summary).toBeInViewport();
  const [titleBox, summaryBox] = [await title.boundingBox(), await summary.boundingBox()];
  expect(summaryBox!.y).toBeGreaterThan(titleBox!.y);
  // Closed, the list is neither shown nor in the accessibility tree: no navigation to meet twice.
  await expect(page.getByRole('navigation', { name: 'On this page' })).toHaveCount(0);

  await summary.focus();
  await page.keyboard.press('Enter');
  const contents = page.getByRole('navigation', { name: 'On this page' });
  await expect(contents).toBeVisible();
  const first = contents.getByRole('link').first();
  const target = (await first.getAttribute('href'))!;
  await first.click();
  await expect(page).toHaveURL(new RegExp(`${target}$`));
  await expect(page.locator(target)).toBeInViewport();
});

test('on a wide screen the contents are a sidebar, with no disclosure', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(LESSON);
  await expect(page.getByRole('navigation', { name: 'On this page' })).toBeVisible();
  await expect(page.locator('summary', { hasText: 'On this page' })).toBeHidden();
});

test('dark mode follows the choice and survives a reload', async ({ page }) => {
  await page.goto('/learn/');
  await page.getByLabel('Theme').selectOption('dark');
  await expect(page.locator('html')).toHaveClass(/dark/);
  await page.reload();
  await expect(page.locator('html')).toHaveClass(/dark/);
});

test("a lesson's HTML is its text alone; React's copy arrives as a script, and the page comes alive", async ({ page }) => {
  const html = await (await page.request.get('/learn/errors-and-retries/')).text();
  expect(html).toContain('Classifying errors by layer');
  expect(html, 'no inline RSC payload').not.toContain('__next_f');

  const payload = page.waitForResponse((response) => response.url().includes('/_next/static/payload/'));
  await page.goto('/learn/errors-and-retries/');
  expect((await payload).ok()).toBe(true);
  await page.waitForFunction(() => (window as { next?: { router?: unknown } }).next?.router !== undefined);
  // Only the live router follows a site link without loading a new document.
  await page.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));
  await page.getByRole('link', { name: 'Course' }).first().click();
  await expect(page).toHaveURL(/\/learn\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
});

test('a theme chosen before the scripts have loaded is applied and kept', async ({ page }) => {
  // Reading pages start their scripts after the first paint: hold them back to choose in the static menu.
  await page.route('**/_next/static/chunks/*.js', (route) => route.abort());
  await page.goto('/learn/');
  await page.getByLabel('Theme').selectOption('dark');
  await expect(page.locator('html')).toHaveClass(/dark/);
  await page.unroute('**/_next/static/chunks/*.js');
  await page.reload();
  await expect(page.locator('html')).toHaveClass(/dark/);
  await expect(page.getByLabel('Theme')).toHaveValue('dark');
});

test('every lesson fits a 375 px phone without sideways scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 812 });
  for (const slug of LESSON_SLUGS) {
    await page.goto(`/learn/${slug}/`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, slug).toBeLessThanOrEqual(0);
  }
});
