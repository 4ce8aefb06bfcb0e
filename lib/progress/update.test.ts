import { describe, expect, it } from 'vitest';
import { EMPTY_PROGRESS } from './schema';
import { clearQuiz, completeIfPassed, completePassedLessons, recordTry } from './update';

const single = (choice: string) => ({ type: 'single' as const, choice });

describe('recording tries', () => {
  it('keeps the first try as what the score counts, and the latest try’s choices', () => {
    let progress = recordTry(EMPTY_PROGRESS, 'l', 'q', single('a'), false, '2026-01-01T00:00:00.000Z');
    progress = recordTry(progress, 'l', 'q', single('b'), true, '2026-01-01T00:01:00.000Z');
    expect(progress.lessons.l!.questions.q).toEqual({ firstTryCorrect: false, correct: true, tries: 2, answer: single('b'), at: '2026-01-01T00:01:00.000Z' });
    expect(EMPTY_PROGRESS.lessons).toEqual({});
  });

  it('completes a lesson only once its quiz passes, and keeps the first completion time', () => {
    const ids = ['a', 'b', 'c'];
    let progress = recordTry(EMPTY_PROGRESS, 'l', 'a', single('x'), true, 't1');
    progress = recordTry(progress, 'l', 'b', single('x'), true, 't2');
    expect(completeIfPassed(progress, 'l', ids, 't2')).toBe(progress);
    progress = recordTry(progress, 'l', 'c', single('x'), false, 't3');
    // 2 of 3 is 67%: below the pass mark, even though every question is answered.
    expect(completeIfPassed(progress, 'l', ids, 't3').lessons.l!.completedAt).toBeNull();

    let passing = recordTry(EMPTY_PROGRESS, 'l', 'a', single('x'), true, 't1');
    for (const id of ['b', 'c']) passing = recordTry(passing, 'l', id, single('x'), true, 't2');
    passing = completeIfPassed(passing, 'l', ids, 't3');
    expect(passing.lessons.l!.completedAt).toBe('t3');
    expect(completeIfPassed(passing, 'l', ids, 't9').lessons.l!.completedAt).toBe('t3');
  });

  it('completes lessons that pass once progress arrives whole, as from a merged import', () => {
    const right = { firstTryCorrect: true, correct: true, tries: 1, answer: null, at: null };
    const progress = { v: 2 as const, lessons: { l: { completedAt: null, questions: { a: right, b: right } }, m: { completedAt: null, questions: { a: right } } } };
    const after = completePassedLessons(progress, { l: ['a', 'b'], m: ['a', 'b'], unseen: ['a'] }, 't');
    expect(after.lessons.l!.completedAt).toBe('t');
    expect(after.lessons.m!.completedAt).toBeNull();
    expect(after.lessons.unseen).toBeUndefined();
  });

  it('clears a quiz for a fresh start and leaves the lesson complete', () => {
    const progress = { v: 2 as const, lessons: { l: { completedAt: 't', questions: { q: { firstTryCorrect: true, correct: true, tries: 1, answer: null, at: null } } } } };
    expect(clearQuiz(progress, 'l').lessons.l).toEqual({ completedAt: 't', questions: {} });
    expect(clearQuiz(progress, 'other')).toBe(progress);
  });
});
