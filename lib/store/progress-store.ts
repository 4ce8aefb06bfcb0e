/**
 * The learner's progress, persisted in localStorage under a versioned key. Created per provider.
 * Hydration is manual (after mount), so the static HTML and the first client render agree.
 */
import { createJSONStorage, persist, type PersistStorage, type StateStorage } from 'zustand/middleware';
import { createStore } from 'zustand/vanilla';
import { EMPTY_PROGRESS, PROGRESS_VERSION } from '@/lib/progress/empty';
import type { Progress, SavedAnswer } from '@/lib/progress/schema';
import { clearQuiz, completeIfPassed, recordTry } from '@/lib/progress/update';

export interface ProgressState {
  progress: Progress;
  /** Records one try at a question; the first try is what the score counts. */
  recordTry: (lesson: string, questionId: string, answer: SavedAnswer, correct: boolean, at: string) => void;
  /** Completes the lesson when every question is answered and the score passes. */
  completeIfPassed: (lesson: string, questionIds: readonly string[], at: string) => void;
  /** Clears a lesson's answers for a fresh try at its quiz. */
  resetQuiz: (lesson: string) => void;
  /**
   * Sets progress outright (an import, merged or not) and returns what it was, so the caller can offer an
   * undo. Merging lives with the import tools (lib/progress/merge.ts), which only the course index loads.
   */
  setProgress: (next: Progress) => Progress;
  resetAll: () => void;
}

export type ProgressStore = ReturnType<typeof createProgressStore>;

export const PROGRESS_STORAGE_KEY = 'roundtrip-progress';

/** localStorage that never throws: private modes and full quotas just mean nothing is saved. */
const safeLocalStorage: StateStorage = {
  getItem: (name) => {
    try {
      return window.localStorage.getItem(name);
    } catch {
      return null;
    }
  },
  setItem: (name, value) => {
    try {
      window.localStorage.setItem(name, value);
    } catch {
      // Nothing to do: progress stays in memory for this visit.
    }
  },
  removeItem: (name) => {
    try {
      window.localStorage.removeItem(name);
    } catch {
      // As above.
    }
  },
};

type Saved = { progress: Progress };

/**
 * Saved progress goes through the same reader as imported files: anything unreadable starts fresh. The reader
 * (and the schema's validator behind it) is loaded when saved progress is read, after mount, so no page
 * carries it in its first load.
 */
function checkedStorage(storage: StateStorage): PersistStorage<Saved> {
  const json = createJSONStorage<{ progress?: unknown }>(() => storage)!;
  return {
    getItem: async (name) => {
      const saved = await json.getItem(name);
      if (!saved) return null;
      const { readProgress } = await import('@/lib/progress/progress');
      const result = readProgress(saved.state?.progress);
      return { ...saved, state: { progress: result.ok ? result.progress : EMPTY_PROGRESS } };
    },
    setItem: (name, value) => json.setItem(name, value),
    removeItem: (name) => json.removeItem(name),
  };
}

export function createProgressStore(storage: StateStorage = safeLocalStorage) {
  return createStore<ProgressState>()(
    persist(
      (set, get) => ({
        progress: EMPTY_PROGRESS,
        recordTry: (lesson, questionId, answer, correct, at) => set({ progress: recordTry(get().progress, lesson, questionId, answer, correct, at) }),
        completeIfPassed: (lesson, questionIds, at) => {
          const next = completeIfPassed(get().progress, lesson, questionIds, at);
          if (next !== get().progress) set({ progress: next });
        },
        resetQuiz: (lesson) => set({ progress: clearQuiz(get().progress, lesson) }),
        setProgress: (next) => {
          const before = get().progress;
          set({ progress: next });
          return before;
        },
        resetAll: () => set({ progress: EMPTY_PROGRESS }),
      }),
      {
        name: PROGRESS_STORAGE_KEY,
        version: PROGRESS_VERSION,
        storage: checkedStorage(storage),
        partialize: (state): Saved => ({ progress: state.progress }),
        skipHydration: true,
        // The saved progress carries its own version, and readProgress (in `checkedStorage`) migrates it.
        // Passing it through here keeps zustand from discarding progress saved under an older envelope version.
        migrate: (persisted) => persisted as Saved,
      },
    ),
  );
}
