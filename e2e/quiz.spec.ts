import { expect, test, type Locator, type Page } from '@playwright/test';
import { axeViolations } from './axe';
import { quiz as written } from '../content/quizzes/journey-of-a-request';
import { quizAsShown } from '../lib/content/figure-text';
import { optionLetter } from '../lib/quiz/letters';
import { engineAnswer } from '../lib/quiz/predict';
import { choiceSentence } from '../lib/quiz/predict-words';
import type { Option, Predict, Question, SingleChoice } from '../lib/quiz/types';

// The quiz as the page shows it, engine figures filled in.
const quiz = quizAsShown(written);

const LESSON = '/learn/journey-of-a-request/';
const TOTAL = quiz.questions.length;
const SLOW = { timeout: 30_000 };

/** A question's card: its fieldset's list item, where the buttons and feedback live. */
function card(page: Page, question: Question): Locator {
  return page.getByRole('listitem').filter({ has: page.getByRole('group', { name: question.prompt }) });
}

/** An option's accessible name: its letter, then its text. */
function optionName(options: readonly Option[], id: string): string {
  const index = options.findIndex((o) => o.id === id);
  return `${optionLetter(index)} ${options[index]!.text}`;
}

async function arrange(item: Locator, question: Extract<Question, { type: 'order' }>, order: readonly string[]) {
  const list = item.getByRole('group').getByRole('list');
  for (let target = 0; target < order.length; target++) {
    const text = question.steps.find((s) => s.id === order[target])!.text;
    const texts = await list.getByRole('listitem').allTextContents();
    let at = texts.findIndex((t) => t.includes(text));
    while (at > target) {
      await item.getByRole('button', { name: `Move “${text}” up` }).click();
      at--;
      await expect(list.getByRole('listitem').nth(at)).toContainText(text);
    }
  }
}

/** Answers a question, right or wrong, and checks it. Wrong answers are chosen from the data, never hard-coded. */
async function answer(page: Page, question: Question, right: boolean) {
  const item = card(page, question);
  switch (question.type) {
    case 'single': {
      const choice = right ? question.answer : question.options.find((o) => o.id !== question.answer)!.id;
      await item.getByRole('radio', { name: optionName(question.options, choice), exact: true }).check();
      break;
    }
    case 'multiple': {
      const choices = right ? question.answers : question.answers.slice(0, 1);
      for (const id of choices) await item.getByRole('checkbox', { name: optionName(question.options, id), exact: true }).check();
      break;
    }
    case 'order': {
      const steps = question.steps.map((s) => s.id);
      await arrange(item, question, right ? steps : [steps[1]!, steps[0]!, ...steps.slice(2)]);
      break;
    }
    case 'match': {
      const rights = question.pairs.map((p) => p.right);
      const given = right ? rights : [rights[1]!, rights[0]!, ...rights.slice(2)];
      for (const [i, pair] of question.pairs.entries()) await item.getByLabel(pair.left, { exact: true }).selectOption(given[i]!);
      break;
    }
    case 'predict': {
      const engine = engineAnswer(question);
      const choice = right ? engine : question.choices.find((c) => c !== engine)!;
      await item.getByRole('radio', { name: choiceSentence(question.ask, choice), exact: true }).check();
      break;
    }
  }
  await item.getByRole('button', { name: 'Check answer' }).click();
  await expect(item).toContainText(right ? 'Correct.' : 'Not quite.', SLOW);
  return item;
}

const single = quiz.questions.find((q): q is SingleChoice => q.type === 'single')!;
const predict = quiz.questions.find((q): q is Predict => q.type === 'predict')!;

test('a wrong answer is tried again, the score counts the first try, and the choices come back after a reload', async ({ page }) => {
  await page.goto(LESSON);
  const item = await answer(page, single, false);
  await expect(item).toContainText('Try again, or show the answer and why.');
  await expect(page.getByText(`Score: 0 of ${TOTAL} right on the first try (1 of ${TOTAL} answered).`)).toBeVisible();

  await item.getByRole('button', { name: 'Try again' }).click();
  const right = item.getByRole('radio', { name: optionName(single.options, single.answer), exact: true });
  await expect(right).toBeEnabled();
  await right.check();
  await item.getByRole('button', { name: 'Check answer' }).click();
  await expect(item).toContainText('Correct.');
  await expect(item).toContainText('Right on try 2. Your score counts the first try, which missed.');
  // The retry is right, but the score still counts the first try.
  await expect(page.getByText(`Score: 0 of ${TOTAL} right on the first try (1 of ${TOTAL} answered).`)).toBeVisible();

  await answer(page, predict, true);
  await expect(page.getByText(`Score: 1 of ${TOTAL} right on the first try (2 of ${TOTAL} answered).`)).toBeVisible();

  await page.reload();
  await expect(page.getByText(`Score: 1 of ${TOTAL} right on the first try (2 of ${TOTAL} answered).`)).toBeVisible(SLOW);
  const restored = card(page, single).getByRole('radio', { name: optionName(single.options, single.answer), exact: true });
  await expect(restored).toBeChecked();
  await expect(restored).toBeDisabled();
  await expect(card(page, predict).getByRole('radio', { name: choiceSentence(predict.ask, engineAnswer(predict)), exact: true })).toBeChecked();
  await expect(card(page, single)).toContainText('Right on try 2');
});

test('a wrong answer can be shown with its explanation, Markdown drawn', async ({ page }) => {
  await page.goto(LESSON);
  const item = await answer(page, predict, false);
  await expect(item).not.toContainText(predict.explanation.slice(0, 30));
  await item.getByRole('button', { name: 'Show the answer' }).click();
  await expect(item).toContainText(`The answer: ${choiceSentence(predict.ask, engineAnswer(predict))}`, SLOW);
  // "*made*" in the explanation is emphasis, not asterisks.
  await expect(item.locator('em', { hasText: 'made' })).toBeVisible();
  await expect(item).not.toContainText('*made*');
});

test('"Show me" plays a predict question’s scenario in a simulator', async ({ page }) => {
  await page.goto(LESSON);
  const item = await answer(page, predict, true);
  await expect(item.getByRole('figure')).toHaveCount(0);

  await item.getByRole('button', { name: 'Show me' }).click();
  await expect(item.getByRole('button', { name: 'Hide the simulator' })).toHaveAttribute('aria-expanded', 'true');
  const sim = item.getByRole('figure', { name: 'Simulator: this question’s scenario' });
  await expect(sim.getByRole('region', { name: 'Outcome' })).toContainText('Answered by', SLOW);
  // It plays: the position moves off the start on its own.
  await expect.poll(async () => Number(await sim.getByLabel('Playback position').inputValue()), SLOW).toBeGreaterThan(0);
  await expect(sim.getByRole('link', { name: 'Open in the sandbox' })).toHaveAttribute('href', `/sandbox/?${predict.link}`);
});

test('a lesson completes only at 70%, and trying the quiz again asks first', async ({ page }) => {
  await page.goto(LESSON);
  // Three misses of eight is 62%: every question answered, and still not complete.
  const misses = new Set(quiz.questions.slice(0, 3).map((q) => q.id));
  for (const question of quiz.questions) await answer(page, question, !misses.has(question.id));
  const passing = Math.ceil(TOTAL * 0.7);
  const failing = TOTAL - misses.size;
  expect(failing).toBeLessThan(passing);
  await expect(page.getByText(`Score: ${failing} of ${TOTAL} right on the first try (${Math.round((failing / TOTAL) * 100)}%). The lesson needs 70%`)).toBeVisible();
  await expect(page.getByText('Lesson not complete yet')).toBeVisible();

  // Asked first, and keeping the answers keeps them.
  await page.getByRole('button', { name: 'Try the quiz again' }).click();
  const dialog = page.getByRole('dialog', { name: 'Start the quiz again?' });
  await expect(dialog).toContainText(`This clears your ${TOTAL} answers`);
  await dialog.getByRole('button', { name: 'Keep my answers' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(`Score: ${failing} of ${TOTAL}`)).toBeVisible();

  await page.getByRole('button', { name: 'Try the quiz again' }).click();
  await page.getByRole('dialog', { name: 'Start the quiz again?' }).getByRole('button', { name: 'Clear my answers' }).click();
  await expect(page.getByText(`${TOTAL} questions. Every answer comes with an explanation.`, { exact: false })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Check your understanding' })).toBeFocused();

  for (const question of quiz.questions) await answer(page, question, true);
  await expect(page.getByText(`Score: ${TOTAL} of ${TOTAL} right on the first try (100%). Lesson complete.`)).toBeVisible();

  await page.goto('/learn/');
  const row = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: /The journey of a request/ }) });
  await expect(row.getByText('Lesson complete')).toBeVisible(SLOW);
  await expect(row.getByText(`Quiz: ${TOTAL} of ${TOTAL} right first time (100%)`)).toBeVisible();
  await expect(page.getByText(/^1 of \d+ lessons complete$/)).toBeVisible();
});

test('importing an older export merges it and says what changed; replacing asks and can be undone', async ({ page }) => {
  await page.goto(LESSON);
  await answer(page, single, false);

  await page.goto('/learn/');
  const lessonRow = (name: RegExp) => page.getByRole('listitem').filter({ has: page.getByRole('link', { name }) });
  await expect(lessonRow(/The journey of a request/).getByText(`Quiz: 1 of ${TOTAL} answered, 0 right first time`)).toBeVisible(SLOW);

  // A version 1 export: only right or wrong per question.
  const v1 = {
    kind: 'roundtrip-progress',
    exportedAt: '2026-01-05T10:00:00.000Z',
    v: 1,
    lessons: {
      'journey-of-a-request': { completedAt: null, answers: { [single.id]: true } },
      'ports-and-protocols': { completedAt: '2026-01-05T09:00:00.000Z', answers: {} },
    },
  };
  const importer = page.getByLabel('Import progress…');
  await importer.setInputFiles({ name: 'old.json', mimeType: 'application/json', buffer: Buffer.from('{"name":"x","version":"1.0.0"}') });
  await expect(page.getByRole('status').filter({ hasText: 'not a Roundtrip progress file' })).toBeVisible();
  await importer.setInputFiles({ name: 'newer.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ ...v1, v: 99 })) });
  await expect(page.getByRole('status').filter({ hasText: 'newer Roundtrip (version 99)' })).toBeVisible();
  await expect(lessonRow(/The journey of a request/).getByText(`Quiz: 1 of ${TOTAL} answered, 0 right first time`)).toBeVisible();

  await importer.setInputFiles({ name: 'roundtrip-progress.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(v1)) });
  await expect(page.getByRole('status').filter({ hasText: 'Progress imported: 1 lesson added, 1 improved, nothing lost.' })).toBeVisible();
  await expect(lessonRow(/The journey of a request/).getByText(`Quiz: 1 of ${TOTAL} answered, 1 right first time`)).toBeVisible();
  await expect(lessonRow(/Ports and protocols/i).getByText('Lesson complete')).toBeVisible();

  // Replacing asks first, then offers an undo.
  const empty = { kind: 'roundtrip-progress', exportedAt: '2026-01-06T10:00:00.000Z', v: 2, lessons: {} };
  await page.getByLabel('Replace with a file…').setInputFiles({ name: 'empty.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(empty)) });
  const dialog = page.getByRole('dialog', { name: 'Replace your progress with this file?' });
  await expect(dialog).toContainText('This browser has 1 lesson complete, 1 question answered. The file has 0 lessons complete, 0 questions answered.');
  await dialog.getByRole('button', { name: 'Replace my progress' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Progress replaced by the file’s' })).toBeVisible();
  await expect(lessonRow(/Ports and protocols/i).getByText('Not started')).toBeVisible();
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Undone' })).toBeVisible();
  await expect(lessonRow(/Ports and protocols/i).getByText('Lesson complete')).toBeVisible();
});

// One page per test: a checked quiz (feedback, a revealed answer, a playing simulator, the confirm dialog) is scanned in each scheme.
for (const scheme of ['light', 'dark'] as const) {
  test(`axe finds no violations in a checked quiz, ${scheme}`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(LESSON);
    await answer(page, single, true);
    const item = await answer(page, predict, false);
    await item.getByRole('button', { name: 'Show the answer' }).click();
    await item.getByRole('button', { name: 'Show me' }).click();
    await expect(item.getByRole('region', { name: 'Outcome' })).toBeVisible(SLOW);
    const scan = () => axeViolations(page, ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'], 'section[aria-labelledby="quiz-heading"]');
    expect(await scan()).toEqual([]);
    // The dialog makes the page behind it inert, so it is scanned on its own turn.
    await page.getByRole('button', { name: 'Try the quiz again' }).click();
    await expect(page.getByRole('dialog', { name: 'Start the quiz again?' })).toBeVisible();
    expect(await scan()).toEqual([]);
  });
}
