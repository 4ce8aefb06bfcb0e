import { describe, expect, it } from 'vitest';
import { parseProgressFile, PROGRESS_FILE_KIND, progressFile, quizScore, readProgress, type Progress } from './progress';

const saved = { v: 1, lessons: { 'edge-caching': { completedAt: '2026-11-20T10:00:00.000Z', answers: { 'ttl-basics': true, 'swr': false } } } };

describe('progress files', () => {
  it('round-trips through an exported file', () => {
    const text = progressFile(saved as Progress, '2026-11-26T09:00:00.000Z');
    expect(JSON.parse(text).kind).toBe(PROGRESS_FILE_KIND);
    expect(parseProgressFile(text)).toEqual({ ok: true, progress: saved });
  });

  it('reads the saved form, which has no file marker', () => {
    expect(readProgress(saved)).toEqual({ ok: true, progress: saved });
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

  it('names where a damaged file is damaged', () => {
    const result = readProgress({ v: 1, lessons: { 'edge-caching': { completedAt: 5, answers: {} } } });
    expect(!result.ok && result.message).toMatch(/damaged at “lessons\.edge-caching\.completedAt”/);
  });

  it('never lets a hostile key reach an object prototype', () => {
    // JSON.parse makes "__proto__" an own key, as a hostile file would.
    const result = readProgress(JSON.parse('{"v":1,"lessons":{"__proto__":{"completedAt":"x","answers":{}}}}'));
    // The file is read, but the hostile entry is dropped rather than stored.
    expect(result).toEqual({ ok: true, progress: { v: 1, lessons: {} } });
    expect(result.ok && Object.keys(result.progress.lessons)).toEqual([]);
    expect(({} as { completedAt?: unknown }).completedAt).toBeUndefined();
    expect(readProgress({ v: 1, lessons: { 'Not A Slug!': { completedAt: null, answers: {} } } }).ok).toBe(false);
  });

  it('scores a quiz from its recorded answers', () => {
    expect(quizScore(saved.lessons['edge-caching'])).toEqual({ correct: 1, answered: 2 });
    expect(quizScore(undefined)).toEqual({ correct: 0, answered: 0 });
  });
});
