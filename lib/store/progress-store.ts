/**
 * The learner's progress, persisted in localStorage under a versioned key. Created per provider.
 * Hydration is manual (after mount), so the static HTML and the first client render agree.
 */
import { createJSONStorage, persist, type StateStorage } from 'zustand/middleware';
import { createStore } from 'zustand/vanilla';
import { EMPTY_PROGRESS, parseProgressFile, PROGRESS_VERSION, readProgress, type Progress } from '@/lib/progress/progress';

export interface ProgressState {
  progress: Progress;
  recordAnswer: (lesson: string, questionId: string, correct: boolean) => void;
  completeLesson: (lesson: string, at: string) => void;
  resetQuiz: (lesson: string) => void;
  /** Replaces progress with a file's, or changes nothing and says why. */
  importFile: (text: string) => { ok: boolean; message: string };
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

function lessonOf(progress: Progress, lesson: string) {
  return progress.lessons[lesson] ?? { completedAt: null, answers: {} };
}

export function createProgressStore(storage: StateStorage = safeLocalStorage) {
  return createStore<ProgressState>()(
    persist(
      (set, get) => ({
        progress: EMPTY_PROGRESS,
        recordAnswer: (lesson, questionId, correct) => {
          const { progress } = get();
          const current = lessonOf(progress, lesson);
          set({ progress: { ...progress, lessons: { ...progress.lessons, [lesson]: { ...current, answers: { ...current.answers, [questionId]: correct } } } } });
        },
        completeLesson: (lesson, at) => {
          const { progress } = get();
          const current = lessonOf(progress, lesson);
          if (current.completedAt) return;
          set({ progress: { ...progress, lessons: { ...progress.lessons, [lesson]: { ...current, completedAt: at } } } });
        },
        resetQuiz: (lesson) => {
          const { progress } = get();
          const current = lessonOf(progress, lesson);
          set({ progress: { ...progress, lessons: { ...progress.lessons, [lesson]: { ...current, answers: {} } } } });
        },
        importFile: (text) => {
          const result = parseProgressFile(text);
          if (!result.ok) return { ok: false, message: result.message };
          set({ progress: result.progress });
          const count = Object.values(result.progress.lessons).filter((l) => l.completedAt).length;
          return { ok: true, message: `Progress imported: ${count} lesson${count === 1 ? '' : 's'} complete.` };
        },
        resetAll: () => set({ progress: EMPTY_PROGRESS }),
      }),
      {
        name: PROGRESS_STORAGE_KEY,
        version: PROGRESS_VERSION,
        storage: createJSONStorage(() => storage),
        partialize: (state) => ({ progress: state.progress }),
        skipHydration: true,
        // Saved progress goes through the same reader as imported files: anything unreadable starts fresh.
        merge: (persisted, current) => {
          const result = readProgress((persisted as { progress?: unknown } | undefined)?.progress);
          return { ...current, progress: result.ok ? result.progress : EMPTY_PROGRESS };
        },
      },
    ),
  );
}
