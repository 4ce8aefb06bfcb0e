/**
 * A lesson's quiz score and whether it passes. The score counts first tries only: a question retried
 * until it is right still counts as missed. Completing a lesson needs every question answered and a
 * passing score.
 */
import type { LessonProgress } from './schema';

/** The share of first tries that must be right, in percent. */
export const PASS_PERCENT = 70;

export interface LessonScore {
  /** Questions in the quiz. */
  total: number;
  /** Questions answered at least once. */
  answered: number;
  /** Questions whose first try was right. */
  firstTryCorrect: number;
  /** firstTryCorrect as a whole percentage of total (0 for an empty quiz). */
  percent: number;
  /** Every question answered, and at least PASS_PERCENT of them right first time. */
  passed: boolean;
}

/**
 * Scores a lesson against its quiz's question ids, so answers to questions a quiz no longer has are not
 * counted. Without the ids (only the count is known), every recorded answer counts, capped at the total.
 */
export function lessonScore(lesson: LessonProgress | undefined, questions: readonly string[] | number): LessonScore {
  const records = lesson?.questions ?? {};
  const ids = typeof questions === 'number' ? Object.keys(records) : questions.filter((id) => Object.hasOwn(records, id));
  const total = typeof questions === 'number' ? questions : questions.length;
  const answered = Math.min(ids.length, total);
  const firstTryCorrect = Math.min(ids.filter((id) => records[id]?.firstTryCorrect).length, total);
  const percent = total === 0 ? 0 : Math.round((firstTryCorrect / total) * 100);
  // Compared in whole numbers, so 7 of 10 passes exactly rather than by floating-point luck.
  const passed = total > 0 && answered === total && firstTryCorrect * 100 >= PASS_PERCENT * total;
  return { total, answered, firstTryCorrect, percent, passed };
}
