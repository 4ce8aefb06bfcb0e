import { describe, expect, it } from 'vitest';
import type { LessonProgress, QuestionRecord } from './schema';
import { lessonScore } from './score';

function record(firstTryCorrect: boolean, correct = firstTryCorrect): QuestionRecord {
  return { firstTryCorrect, correct, tries: firstTryCorrect === correct ? 1 : 2, answer: null, at: null };
}

function lesson(results: Record<string, boolean>): LessonProgress {
  return { completedAt: null, questions: Object.fromEntries(Object.entries(results).map(([id, ok]) => [id, record(ok)])) };
}

const ten = Array.from({ length: 10 }, (_, i) => `q${i}`);

describe('a lesson score', () => {
  it('counts first tries only: a question put right on a retry still counts as missed', () => {
    const retried: LessonProgress = { completedAt: null, questions: { a: record(false, true), b: record(true) } };
    expect(lessonScore(retried, ['a', 'b'])).toMatchObject({ answered: 2, firstTryCorrect: 1, percent: 50, passed: false });
  });

  it('passes at 70% exactly, with every question answered', () => {
    const seven = lesson(Object.fromEntries(ten.map((id, i) => [id, i < 7])));
    expect(lessonScore(seven, ten)).toMatchObject({ firstTryCorrect: 7, percent: 70, passed: true });
    const six = lesson(Object.fromEntries(ten.map((id, i) => [id, i < 6])));
    expect(lessonScore(six, ten).passed).toBe(false);
  });

  it('does not pass while a question is unanswered, however good the rest', () => {
    const nine = lesson(Object.fromEntries(ten.slice(0, 9).map((id) => [id, true])));
    expect(lessonScore(nine, ten)).toMatchObject({ answered: 9, firstTryCorrect: 9, passed: false });
  });

  it('ignores answers to questions the quiz no longer asks', () => {
    expect(lessonScore(lesson({ gone: true, a: true }), ['a', 'b'])).toMatchObject({ total: 2, answered: 1, firstTryCorrect: 1 });
  });

  it('scores against a count when only the count is known, never above it', () => {
    expect(lessonScore(lesson({ a: true, b: true, c: false }), 2)).toMatchObject({ total: 2, answered: 2, firstTryCorrect: 2 });
    expect(lessonScore(undefined, 9)).toEqual({ total: 9, answered: 0, firstTryCorrect: 0, percent: 0, passed: false });
  });
});
