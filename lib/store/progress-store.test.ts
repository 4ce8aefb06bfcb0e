import { describe, expect, it } from 'vitest';
import type { StateStorage } from 'zustand/middleware';
import { mergeImport } from '@/lib/progress/merge';
import { parseProgressFile, PROGRESS_FILE_KIND, type Progress } from '@/lib/progress/progress';
import { createProgressStore, PROGRESS_STORAGE_KEY } from './progress-store';

function memoryStorage(initial: Record<string, string> = {}): StateStorage & { data: Record<string, string> } {
  const data = { ...initial };
  return { data, getItem: (k) => data[k] ?? null, setItem: (k, v) => void (data[k] = v), removeItem: (k) => void delete data[k] };
}

const T1 = '2026-11-26T10:00:00.000Z';
const T2 = '2026-11-26T10:01:00.000Z';
const pick = (choice: string) => ({ type: 'single' as const, choice });

describe('the progress store', () => {
  it('records tries with their choices, and saves them', () => {
    const storage = memoryStorage();
    const store = createProgressStore(storage);
    store.getState().recordTry('edge-caching', 'q1', pick('a'), false, T1);
    store.getState().recordTry('edge-caching', 'q1', pick('c'), true, T2);
    const expected = { firstTryCorrect: false, correct: true, tries: 2, answer: pick('c'), at: T2 };
    expect(store.getState().progress.lessons['edge-caching']?.questions.q1).toEqual(expected);
    expect(JSON.parse(storage.data[PROGRESS_STORAGE_KEY]!).state.progress.lessons['edge-caching'].questions.q1).toEqual(expected);
  });

  it('completes a lesson only with every question answered and a passing first-try score', () => {
    const store = createProgressStore(memoryStorage());
    const ids = ['a', 'b', 'c', 'd'];
    for (const [id, right] of [['a', true], ['b', true], ['c', false]] as const) store.getState().recordTry('l', id, pick('x'), right, T1);
    store.getState().completeIfPassed('l', ids, T1);
    expect(store.getState().progress.lessons.l?.completedAt).toBeNull();
    // A retry puts c right, but the score still counts its first try: 3 of 4 right first time is 75%.
    store.getState().recordTry('l', 'c', pick('y'), true, T2);
    store.getState().recordTry('l', 'd', pick('x'), true, T2);
    store.getState().completeIfPassed('l', ids, T2);
    expect(store.getState().progress.lessons.l?.completedAt).toBe(T2);
  });

  it('restores saved choices when it hydrates', async () => {
    const storage = memoryStorage();
    const first = createProgressStore(storage);
    first.getState().recordTry('tcp-and-tls-handshakes', 'order', { type: 'order', order: ['ack', 'syn', 'synack'] }, false, T1);
    const second = createProgressStore(storage);
    await second.persist.rehydrate();
    expect(second.getState().progress.lessons['tcp-and-tls-handshakes']?.questions.order?.answer).toEqual({ type: 'order', order: ['ack', 'syn', 'synack'] });
  });

  it('migrates progress saved by version 1 when it hydrates, losing nothing', async () => {
    const v1 = { state: { progress: { v: 1, lessons: { 'edge-caching': { completedAt: T1, answers: { q1: true, q2: false } } } } }, version: 1 };
    const store = createProgressStore(memoryStorage({ [PROGRESS_STORAGE_KEY]: JSON.stringify(v1) }));
    await store.persist.rehydrate();
    expect(store.getState().progress).toEqual({
      v: 2,
      lessons: {
        'edge-caching': {
          completedAt: T1,
          questions: { q1: { firstTryCorrect: true, correct: true, tries: 1, answer: null, at: null }, q2: { firstTryCorrect: false, correct: false, tries: 1, answer: null, at: null } },
        },
      },
    });
  });

  it('starts fresh when what was saved is unreadable', async () => {
    const storage = memoryStorage({ [PROGRESS_STORAGE_KEY]: JSON.stringify({ state: { progress: { v: 2, lessons: 'oops' } }, version: 2 }) });
    const store = createProgressStore(storage);
    await store.persist.rehydrate();
    expect(store.getState().progress).toEqual({ v: 2, lessons: {} });
  });

  it('clears one quiz for a fresh start', () => {
    const store = createProgressStore(memoryStorage());
    store.getState().recordTry('a', 'q', pick('x'), true, T1);
    store.getState().recordTry('b', 'q', pick('x'), true, T1);
    store.getState().resetQuiz('a');
    expect(store.getState().progress.lessons.a?.questions).toEqual({});
    expect(store.getState().progress.lessons.b?.questions.q).toBeDefined();
  });

  it('merges an imported older file and says what changed', () => {
    const store = createProgressStore(memoryStorage());
    store.getState().recordTry('edge-caching', 'q1', pick('a'), false, T1);
    const file = JSON.stringify({ kind: PROGRESS_FILE_KIND, v: 1, lessons: { 'edge-caching': { completedAt: null, answers: { q1: true } }, other: { completedAt: T1, answers: {} } } });
    const read = parseProgressFile(file);
    expect(read.ok).toBe(true);
    const { progress, sentence } = mergeImport(store.getState().progress, (read as { progress: Progress }).progress);
    store.getState().setProgress(progress);
    expect(sentence).toBe('1 lesson added, 1 improved, nothing lost.');
    // The file's right first try beats this browser's wrong one, though the file's has no time.
    expect(store.getState().progress.lessons['edge-caching']?.questions.q1?.firstTryCorrect).toBe(true);
    expect(store.getState().progress.lessons.other?.completedAt).toBe(T1);
  });

  it('replaces progress outright and hands back what it was, for an undo', () => {
    const store = createProgressStore(memoryStorage());
    store.getState().recordTry('a', 'q', pick('x'), true, T1);
    const before = store.getState().progress;
    const replaced = store.getState().setProgress({ v: 2, lessons: {} });
    expect(replaced).toBe(before);
    expect(store.getState().progress.lessons).toEqual({});
    store.getState().setProgress(replaced);
    expect(store.getState().progress).toBe(before);
  });
});
