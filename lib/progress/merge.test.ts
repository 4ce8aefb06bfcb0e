import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareRecords, compareTimes, describeMerge, mergeProgress, summarizeMerge } from './merge';
import { EMPTY_PROGRESS, type LessonProgress, type Progress, type QuestionRecord } from './schema';
import { lessonScore } from './score';

// Few names and times, so generated progress collides often: the interesting merges are of the same question.
const times = fc.constantFrom(null, '2026-01-01T00:00:00.000Z', '2026-01-02T00:00:00.000Z', '2026-01-02T00:00:00Z', 'not a date', 'also not');
const answers = fc.oneof(
  fc.constant(null),
  fc.record({ type: fc.constant('single' as const), choice: fc.constantFrom('a', 'b', null) }),
  fc.record({ type: fc.constant('order' as const), order: fc.constantFrom(['a', 'b'], ['b', 'a']).map((order) => [...order]) }),
  fc.record({ type: fc.constant('match' as const), matches: fc.constantFrom({ x: '1', y: '2' }, { y: '2', x: '1' }, { x: '2', y: '1' }).map((m): Record<string, string> => ({ ...m })) }),
);
const records: fc.Arbitrary<QuestionRecord> = fc.record({ firstTryCorrect: fc.boolean(), correct: fc.boolean(), tries: fc.integer({ min: 1, max: 4 }), answer: answers, at: times });
const lessons: fc.Arbitrary<LessonProgress> = fc.record({
  completedAt: times,
  questions: fc.dictionary(fc.constantFrom('q1', 'q2', 'q3'), records, { maxKeys: 3 }),
});
const progress: fc.Arbitrary<Progress> = fc.record({ v: fc.constant(2 as const), lessons: fc.dictionary(fc.constantFrom('a-lesson', 'b-lesson', 'c'), lessons, { maxKeys: 3 }) });

function everyRecord(p: Progress): [string, string, QuestionRecord][] {
  return Object.entries(p.lessons).flatMap(([slug, lesson]) => Object.entries(lesson.questions).map(([id, r]): [string, string, QuestionRecord] => [slug, id, r]));
}

const IDS = ['q1', 'q2', 'q3'];

describe('merging progress (properties)', () => {
  it('is idempotent: merging progress with itself changes nothing', () => {
    fc.assert(
      fc.property(progress, (a) => {
        expect(mergeProgress(a, a)).toEqual(a);
      }),
    );
  });

  it('is commutative: which side is this browser and which the file makes no difference', () => {
    fc.assert(
      fc.property(progress, progress, (a, b) => {
        expect(mergeProgress(a, b)).toEqual(mergeProgress(b, a));
      }),
    );
  });

  it('is associative, so importing several files gives the same result in any grouping', () => {
    fc.assert(
      fc.property(progress, progress, progress, (a, b, c) => {
        expect(mergeProgress(mergeProgress(a, b), c)).toEqual(mergeProgress(a, mergeProgress(b, c)));
      }),
    );
  });

  it('never loses a better result, an answered question or a completion', () => {
    fc.assert(
      fc.property(progress, progress, (a, b) => {
        const merged = mergeProgress(a, b);
        for (const [slug, id, record] of [...everyRecord(a), ...everyRecord(b)]) {
          const kept = merged.lessons[slug]?.questions[id];
          expect(kept).toBeDefined();
          expect(compareRecords(kept!, record)).toBeGreaterThanOrEqual(0);
        }
        for (const side of [a, b]) for (const [slug, lesson] of Object.entries(side.lessons)) if (lesson.completedAt) expect(merged.lessons[slug]?.completedAt).not.toBeNull();
      }),
    );
  });

  it('gives every lesson at least the better score of the two, and the same score in either order', () => {
    fc.assert(
      fc.property(progress, progress, (a, b) => {
        for (const slug of new Set([...Object.keys(a.lessons), ...Object.keys(b.lessons)])) {
          const score = (p: Progress) => lessonScore(p.lessons[slug], IDS);
          const merged = score(mergeProgress(a, b));
          expect(merged).toEqual(score(mergeProgress(b, a)));
          expect(merged.firstTryCorrect).toBeGreaterThanOrEqual(Math.max(score(a).firstTryCorrect, score(b).firstTryCorrect));
          expect(merged.answered).toBeGreaterThanOrEqual(Math.max(score(a).answered, score(b).answered));
        }
      }),
    );
  });

  it('leaves progress as it is when merged with nothing', () => {
    fc.assert(
      fc.property(progress, (a) => {
        expect(mergeProgress(a, EMPTY_PROGRESS)).toEqual(a);
      }),
    );
  });

  it('orders times totally: unknown, then text that is no date, then dates by time', () => {
    fc.assert(
      fc.property(times, times, times, (x, y, z) => {
        expect(Math.sign(compareTimes(x, y)) + Math.sign(compareTimes(y, x))).toBe(0);
        if (compareTimes(x, y) <= 0 && compareTimes(y, z) <= 0) expect(compareTimes(x, z)).toBeLessThanOrEqual(0);
      }),
    );
  });
});

const at = (day: number) => `2026-01-0${day}T00:00:00.000Z`;
const rec = (firstTryCorrect: boolean, correct: boolean, when: string | null, choice = 'a'): QuestionRecord => ({
  firstTryCorrect,
  correct,
  tries: firstTryCorrect === correct ? 1 : 2,
  answer: { type: 'single', choice },
  at: when,
});

describe('merging progress (cases)', () => {
  it('keeps the better result over a newer worse one, and the newer of two equal ones', () => {
    const mine: Progress = { v: 2, lessons: { l: { completedAt: null, questions: { q: rec(true, true, at(1)), r: rec(false, false, at(1), 'a') } } } };
    const file: Progress = { v: 2, lessons: { l: { completedAt: null, questions: { q: rec(false, true, at(5)), r: rec(false, false, at(3), 'b') } } } };
    const merged = mergeProgress(mine, file);
    expect(merged.lessons.l!.questions.q).toEqual(rec(true, true, at(1)));
    expect(merged.lessons.l!.questions.r).toEqual(rec(false, false, at(3), 'b'));
  });

  it('counts a lesson complete from its earliest completion', () => {
    const a: Progress = { v: 2, lessons: { l: { completedAt: at(4), questions: {} } } };
    const b: Progress = { v: 2, lessons: { l: { completedAt: at(2), questions: {} } } };
    expect(mergeProgress(a, b).lessons.l!.completedAt).toBe(at(2));
  });

  it('says in one sentence what changed', () => {
    const mine: Progress = {
      v: 2,
      lessons: {
        same: { completedAt: at(1), questions: { q: rec(true, true, at(1)) } },
        better: { completedAt: null, questions: { q: rec(false, false, at(1)) } },
        newer: { completedAt: null, questions: { q: rec(false, false, at(1), 'a') } },
      },
    };
    const file: Progress = {
      v: 2,
      lessons: {
        same: { completedAt: at(1), questions: { q: rec(true, true, at(1)) } },
        better: { completedAt: null, questions: { q: rec(false, true, at(2)) } },
        newer: { completedAt: null, questions: { q: rec(false, false, at(2), 'b') } },
        fresh: { completedAt: null, questions: { q: rec(true, true, at(2)) } },
        other: { completedAt: at(2), questions: {} },
      },
    };
    const summary = summarizeMerge(mine, mergeProgress(mine, file));
    expect(summary).toEqual({ added: 2, improved: 1, updated: 1 });
    expect(describeMerge(summary)).toBe('2 lessons added, 1 improved, 1 updated with newer answers, nothing lost.');
    expect(describeMerge({ added: 0, improved: 1, updated: 0 })).toBe('1 lesson improved, nothing lost.');
    expect(describeMerge({ added: 1, improved: 0, updated: 0 })).toBe('1 lesson added, nothing lost.');
    expect(describeMerge(summarizeMerge(mine, mergeProgress(mine, mine)))).toMatch(/^Nothing new in that file/);
  });
});
