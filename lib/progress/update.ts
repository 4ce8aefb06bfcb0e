/**
 * The changes a learner makes to progress, as pure functions: the store calls them, the tests call them
 * directly. Each returns new objects and leaves its input untouched.
 */
import { lessonScore } from './score';
import { EMPTY_LESSON } from './empty';
import type { LessonProgress, Progress, SavedAnswer } from './schema';

function withLesson(progress: Progress, slug: string, lesson: LessonProgress): Progress {
  return { ...progress, lessons: { ...progress.lessons, [slug]: lesson } };
}

function lessonOf(progress: Progress, slug: string): LessonProgress {
  return Object.hasOwn(progress.lessons, slug) ? progress.lessons[slug]! : EMPTY_LESSON;
}

/** Records one try at a question. The first try is kept as what the score counts; later tries replace only the latest. */
export function recordTry(progress: Progress, slug: string, questionId: string, answer: SavedAnswer, correct: boolean, at: string): Progress {
  const lesson = lessonOf(progress, slug);
  const earlier = Object.hasOwn(lesson.questions, questionId) ? lesson.questions[questionId] : undefined;
  const record = earlier
    ? { ...earlier, correct, tries: earlier.tries + 1, answer, at }
    : { firstTryCorrect: correct, correct, tries: 1, answer, at };
  return withLesson(progress, slug, { ...lesson, questions: { ...lesson.questions, [questionId]: record } });
}

/** Marks the lesson complete once its quiz passes. A lesson already complete keeps its first completion time. */
export function completeIfPassed(progress: Progress, slug: string, questionIds: readonly string[], at: string): Progress {
  const lesson = lessonOf(progress, slug);
  if (lesson.completedAt || !lessonScore(lesson, questionIds).passed) return progress;
  return withLesson(progress, slug, { ...lesson, completedAt: at });
}

/**
 * Completes every lesson whose quiz passes, for progress that arrived whole (an imported file), where no
 * single answer was checked: two partial files can merge into a pass.
 */
export function completePassedLessons(progress: Progress, quizzes: Readonly<Record<string, readonly string[]>>, at: string): Progress {
  return Object.entries(quizzes).reduce((current, [slug, questionIds]) => completeIfPassed(current, slug, questionIds, at), progress);
}

/** Clears a lesson's answers to take its quiz afresh. Completion stays: a lesson once completed is not taken away. */
export function clearQuiz(progress: Progress, slug: string): Progress {
  if (!Object.hasOwn(progress.lessons, slug)) return progress;
  return withLesson(progress, slug, { ...lessonOf(progress, slug), questions: {} });
}
