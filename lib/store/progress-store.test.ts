import { describe, expect, it } from 'vitest';
import type { StateStorage } from 'zustand/middleware';
import { progressFile } from '@/lib/progress/progress';
import { createProgressStore, PROGRESS_STORAGE_KEY } from './progress-store';

function memoryStorage(initial: Record<string, string> = {}): StateStorage & { data: Record<string, string> } {
  const data = { ...initial };
  return { data, getItem: (k) => data[k] ?? null, setItem: (k, v) => void (data[k] = v), removeItem: (k) => void delete data[k] };
}

describe('the progress store', () => {
  it('records answers and completion, and saves them', () => {
    const storage = memoryStorage();
    const store = createProgressStore(storage);
    store.getState().recordAnswer('edge-caching', 'q1', true);
    store.getState().completeLesson('edge-caching', '2026-11-26T10:00:00.000Z');
    expect(store.getState().progress.lessons['edge-caching']).toEqual({ completedAt: '2026-11-26T10:00:00.000Z', answers: { q1: true } });
    expect(JSON.parse(storage.data[PROGRESS_STORAGE_KEY]!).state.progress.lessons['edge-caching'].answers).toEqual({ q1: true });
  });

  it('restores saved progress when it hydrates', async () => {
    const storage = memoryStorage();
    const first = createProgressStore(storage);
    first.getState().recordAnswer('tcp-and-tls-handshakes', 'order', false);
    const second = createProgressStore(storage);
    await second.persist.rehydrate();
    expect(second.getState().progress.lessons['tcp-and-tls-handshakes']?.answers).toEqual({ order: false });
  });

  it('starts fresh when what was saved is unreadable', async () => {
    const storage = memoryStorage({ [PROGRESS_STORAGE_KEY]: JSON.stringify({ state: { progress: { v: 1, lessons: 'oops' } }, version: 1 }) });
    const store = createProgressStore(storage);
    await store.persist.rehydrate();
    expect(store.getState().progress).toEqual({ v: 1, lessons: {} });
  });

  it('imports a good file, and changes nothing for a bad one', () => {
    const store = createProgressStore(memoryStorage());
    store.getState().recordAnswer('a-lesson', 'q', true);
    const before = store.getState().progress;
    const refused = store.getState().importFile('{"hello": "world"}');
    expect(refused.ok).toBe(false);
    expect(store.getState().progress).toBe(before);
    const accepted = store.getState().importFile(progressFile({ v: 1, lessons: { other: { completedAt: '2026-01-01T00:00:00.000Z', answers: {} } } }, 'now'));
    expect(accepted).toEqual({ ok: true, message: 'Progress imported: 1 lesson complete.' });
    expect(Object.keys(store.getState().progress.lessons)).toEqual(['other']);
  });
});
