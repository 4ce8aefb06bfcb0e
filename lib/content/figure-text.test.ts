import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LESSON_SLUGS } from '@/content/manifest';
import { runScenario } from '@/lib/sim';
import { decodeLink } from '@/lib/scenario/url-codec';
import { formatMs } from '@/lib/format-ms';
import { mapQuizTexts, quizTexts } from '@/lib/quiz/texts';
import type { Quiz } from '@/lib/quiz/types';
import { handTypedTimesInText } from './figure-check';
import { fillFigures, fillFiguresOrThrow, quizAsShown } from './figure-text';

const latency = (link: string) => runScenario(decodeLink(link).scenario).outcome.latencyMs;

describe('fillFigures', () => {
  it('replaces each tag with the figure the engine reports, and leaves the rest of the text as written', () => {
    const text = 'A hit takes <Outcome link="cache=fresh" of="latencyMs" /> instead of <Outcome link="preset=api-get" of="latencyMs" />, *without* the origin.';
    expect(fillFigures(text)).toEqual({
      text: `A hit takes ${formatMs(latency('cache=fresh'))} instead of ${formatMs(latency('preset=api-get'))}, *without* the origin.`,
      errors: [],
    });
    expect(fillFigures('No figures here: 60 ms is a round trip.')).toEqual({ text: 'No figures here: 60 ms is a round trip.', errors: [] });
  });

  it('names what is wrong with a tag instead of printing a guess', () => {
    expect(fillFigures('<Outcome link="cache=fresh" of="latencyMss" />').errors[0]).toMatch(/unknown figure “latencyMss”/);
    expect(fillFigures('<Outcome link="cache=fresh" />').errors).toEqual(['<Outcome> needs link and of']);
    expect(fillFigures('<Outcome link="cache=fresh" of="latencyMs">').errors[0]).toMatch(/self-closing/);
    expect(fillFigures('<Outcome link="db=nonsense" of="latencyMs" />').errors[0]).toMatch(/has notices/);
    expect(() => fillFiguresOrThrow('<Outcome link="cache=fresh" of="nope" />', 'q1 prompt')).toThrow(/^q1 prompt: /);
  });
});

describe('hand-typed engine times in plain text', () => {
  it('flags a typed copy of a time its scenarios report, and not other numbers', () => {
    const ms = latency('cache=fresh');
    expect(handTypedTimesInText(`It takes ${ms} ms.`, ['cache=fresh'])).toEqual([`“${ms} ms” is the latencyMs of “cache=fresh”; write it with <Outcome>`]);
    expect(handTypedTimesInText('It takes <Outcome link="cache=fresh" of="latencyMs" />, and a round trip is 61 ms.', [])).toEqual([]);
  });
});

describe('quiz text', () => {
  // A path built at run time, so the bundler leaves the import to Node.
  const quizFile = (slug: string) => join(process.cwd(), 'content', 'quizzes', `${slug}.ts`);
  const quizzes = Promise.all(LESSON_SLUGS.map(async (slug) => ((await import(quizFile(slug))) as { quiz: Quiz }).quiz));

  it('reaches every string a learner reads, and only those', () => {
    const quiz: Quiz = {
      lesson: 'x',
      questions: [
        { id: 's', type: 'single', prompt: 'P', explanation: 'E', covers: [], options: [{ id: 'a', text: 'A' }], answer: 'a' },
        { id: 'o', type: 'order', prompt: 'P', explanation: 'E', covers: [], steps: [{ id: 'one', text: 'S' }] },
        { id: 'm', type: 'match', prompt: 'P', explanation: 'E', covers: [], pairs: [{ left: 'L', right: 'R' }] },
        { id: 'p', type: 'predict', prompt: 'P', explanation: 'E', covers: [], link: 'db=down', ask: 'status', choices: ['503'] },
      ],
    };
    expect(quizTexts(quiz).map((t) => t.where)).toEqual([
      's prompt', 's explanation', 's option a',
      'o prompt', 'o explanation', 'o option one',
      'm prompt', 'm explanation', 'm pair 1', 'm pair 1',
      'p prompt', 'p explanation',
    ]);
    const shouted = mapQuizTexts(quiz, (text) => text.toLowerCase());
    expect(shouted.questions[3]).toMatchObject({ prompt: 'p', link: 'db=down', choices: ['503'] });
    expect(shouted.questions[0]).toMatchObject({ answer: 'a', options: [{ id: 'a', text: 'a' }] });
  });

  it('every quiz fills its engine figures, leaving no tag behind', async () => {
    for (const quiz of await quizzes) {
      const filled = quizAsShown(quiz);
      for (const { text, where } of quizTexts(filled)) expect(text, `${quiz.lesson} ${where}`).not.toMatch(/<Outcome/);
    }
  });
});
