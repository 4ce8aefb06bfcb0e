/**
 * The version and empty values of progress, apart from the schema: every page reads these at load, and the
 * schema's validator (zod) is only needed once saved progress is read, after the page is up.
 */
import type { LessonProgress, Progress } from './schema';

export const PROGRESS_VERSION = 2;

export const EMPTY_PROGRESS: Progress = { v: PROGRESS_VERSION, lessons: {} };

export const EMPTY_LESSON: LessonProgress = { completedAt: null, questions: {} };
