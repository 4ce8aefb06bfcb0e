import { describe, expect, it } from 'vitest';
import { fromV1 } from './migrate';
import { progressSchema } from './schema';

describe('migrating version 1 progress', () => {
  const v1 = {
    v: 1,
    lessons: {
      'edge-caching': { completedAt: '2026-11-20T10:00:00.000Z', answers: { 'ttl-basics': true, swr: false } },
      'reverse-proxy': { completedAt: null, answers: {} },
    },
  };

  it('keeps each answer as one try, right or wrong, with its choices unknown', () => {
    const result = fromV1(v1);
    expect(result).toEqual({
      ok: true,
      progress: {
        v: 2,
        lessons: {
          'edge-caching': {
            completedAt: '2026-11-20T10:00:00.000Z',
            questions: {
              'ttl-basics': { firstTryCorrect: true, correct: true, tries: 1, answer: null, at: null },
              swr: { firstTryCorrect: false, correct: false, tries: 1, answer: null, at: null },
            },
          },
          'reverse-proxy': { completedAt: null, questions: {} },
        },
      },
    });
    // What it makes is valid today.
    expect(result.ok && progressSchema.safeParse(result.progress).success).toBe(true);
  });

  it('keeps a lesson complete even when its score would not pass today', () => {
    const result = fromV1({ v: 1, lessons: { x: { completedAt: '2026-01-01T00:00:00.000Z', answers: { a: false, b: false } } } });
    expect(result.ok && result.progress.lessons.x!.completedAt).toBe('2026-01-01T00:00:00.000Z');
  });

  it('drops ids no lesson or question can have', () => {
    const result = fromV1({ v: 1, lessons: { '-odd': { completedAt: null, answers: {} }, fine: { completedAt: null, answers: { 'Upper Case': true, ok: true } } } });
    expect(result.ok && Object.keys(result.progress.lessons)).toEqual(['fine']);
    expect(result.ok && Object.keys(result.progress.lessons.fine!.questions)).toEqual(['ok']);
  });

  it('says where damaged version 1 progress is damaged', () => {
    expect(fromV1({ v: 1, lessons: { x: { completedAt: null, answers: { q: 'yes' } } } })).toEqual({ ok: false, path: 'lessons.x.answers.q' });
  });
});
