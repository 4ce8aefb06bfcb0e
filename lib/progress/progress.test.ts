import { describe, expect, it } from 'vitest';
import { parseProgressFile, PROGRESS_FILE_KIND, PROGRESS_VERSION, progressFile, readProgress, type Progress } from './progress';

const saved: Progress = {
  v: 2,
  lessons: {
    'edge-caching': {
      completedAt: '2026-11-20T10:00:00.000Z',
      questions: {
        'ttl-basics': { firstTryCorrect: true, correct: true, tries: 1, answer: { type: 'single', choice: 'c' }, at: '2026-11-20T09:58:00.000Z' },
        swr: { firstTryCorrect: false, correct: true, tries: 2, answer: { type: 'predict', choice: 'stale' }, at: '2026-11-20T09:59:00.000Z' },
        order: { firstTryCorrect: false, correct: false, tries: 1, answer: { type: 'order', order: ['b', 'a', 'c'] }, at: null },
        match: { firstTryCorrect: true, correct: true, tries: 1, answer: { type: 'match', matches: { 'no-store': 'Never store it' } }, at: null },
      },
    },
  },
};

describe('progress files', () => {
  it('is at version 2', () => {
    expect(PROGRESS_VERSION).toBe(2);
  });

  it('round-trips through an exported file, choices included', () => {
    const text = progressFile(saved, '2026-11-26T09:00:00.000Z');
    expect(JSON.parse(text).kind).toBe(PROGRESS_FILE_KIND);
    expect(parseProgressFile(text)).toEqual({ ok: true, progress: saved });
  });

  it('reads the saved form, which has no file marker', () => {
    expect(readProgress(saved)).toEqual({ ok: true, progress: saved });
  });

  it('imports an older export (version 1) and migrates it', () => {
    const v1 = { kind: PROGRESS_FILE_KIND, exportedAt: '2026-01-01T00:00:00.000Z', v: 1, lessons: { 'edge-caching': { completedAt: null, answers: { swr: false } } } };
    expect(parseProgressFile(JSON.stringify(v1))).toEqual({
      ok: true,
      progress: { v: 2, lessons: { 'edge-caching': { completedAt: null, questions: { swr: { firstTryCorrect: false, correct: false, tries: 1, answer: null, at: null } } } } },
    });
  });

  it('refuses text that is not JSON', () => {
    const result = parseProgressFile('{not json');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(/not valid JSON/);
  });

  it('refuses a foreign JSON file', () => {
    expect(parseProgressFile('{"name":"my-package","version":"1.0.0"}')).toEqual({ ok: false, message: expect.stringMatching(/not a Roundtrip progress file/) });
    expect(parseProgressFile('{"kind":"something-else","v":1,"lessons":{}}').ok).toBe(false);
    expect(parseProgressFile('[1,2,3]').ok).toBe(false);
  });

  it('refuses progress from a newer version, saying so', () => {
    const result = parseProgressFile(JSON.stringify({ kind: PROGRESS_FILE_KIND, v: 99, lessons: {} }));
    expect(!result.ok && result.message).toMatch(/newer Roundtrip \(version 99\)/);
  });

  it('names where a damaged file is damaged, in either version', () => {
    const v1 = readProgress({ v: 1, lessons: { 'edge-caching': { completedAt: 5, answers: {} } } });
    expect(!v1.ok && v1.message).toMatch(/damaged at “lessons\.edge-caching\.completedAt”/);
    const v2 = readProgress({ v: 2, lessons: { 'edge-caching': { completedAt: null, questions: { swr: { firstTryCorrect: true, correct: true, tries: 0, answer: null, at: null } } } } });
    expect(!v2.ok && v2.message).toMatch(/damaged at “lessons\.edge-caching\.questions\.swr\.tries”/);
    const badAnswer = readProgress({ v: 2, lessons: { x: { completedAt: null, questions: { q: { firstTryCorrect: true, correct: true, tries: 1, answer: { type: 'essay', text: 'hi' }, at: null } } } } });
    expect(badAnswer.ok).toBe(false);
  });

  it('never lets a hostile key reach an object prototype', () => {
    // JSON.parse makes "__proto__" an own key, as a hostile file would.
    const result = readProgress(JSON.parse('{"v":1,"lessons":{"__proto__":{"completedAt":"x","answers":{}}}}'));
    // The file is read, but the hostile entry is dropped rather than stored.
    expect(result).toEqual({ ok: true, progress: { v: 2, lessons: {} } });
    expect(result.ok && Object.keys(result.progress.lessons)).toEqual([]);
    expect(({} as { completedAt?: unknown }).completedAt).toBeUndefined();
    expect(readProgress({ v: 1, lessons: { 'Not A Slug!': { completedAt: null, answers: {} } } }).ok).toBe(false);

    const v2 = readProgress(
      JSON.parse('{"v":2,"lessons":{"a":{"completedAt":null,"questions":{"q":{"firstTryCorrect":true,"correct":true,"tries":1,"at":null,"answer":{"type":"match","matches":{"__proto__":{"polluted":true}}}}}}}}'),
    );
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
    expect(v2.ok && Object.keys(v2.progress.lessons.a!.questions.q!.answer as object)).not.toContain('polluted');
  });
});
