/**
 * The shape of progress as it is saved today (version 2): per lesson, when it was completed, and per
 * question, how the first try went (what the score counts), how the latest try went and the choices it made.
 * Older versions are lifted to this one by `migrate.ts`.
 */
import { z } from 'zod/mini';
import { PROGRESS_VERSION } from './empty';

export { EMPTY_LESSON, EMPTY_PROGRESS, PROGRESS_VERSION } from './empty';

/** Lesson slugs and question ids are lowercase words joined by hyphens, so no key can name an object's internals. */
export const ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,79}$/;

const id = z.string().check(z.regex(ID_PATTERN));
/** Option texts and match labels are free text; the bound only keeps a hostile file small. */
const text = z.string().check(z.maxLength(400));
const isoTime = z.string().check(z.maxLength(40));

/** The learner's choices for one question, one shape per question type (the same shapes the quiz grades). */
export const savedAnswerSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('single'), choice: z.nullable(id) }),
  z.object({ type: z.literal('multiple'), choices: z.array(id).check(z.maxLength(50)) }),
  z.object({ type: z.literal('order'), order: z.array(id).check(z.maxLength(50)) }),
  z.object({ type: z.literal('match'), matches: z.record(text, text) }),
  z.object({ type: z.literal('predict'), choice: z.nullable(text) }),
]);

export const questionRecordSchema = z.object({
  /** Whether the first try was right. The score counts this and nothing else. */
  firstTryCorrect: z.boolean(),
  /** Whether the latest try was right. */
  correct: z.boolean(),
  tries: z.number().check(z.int(), z.gte(1), z.lte(10_000)),
  /** The latest try's choices; null for answers saved before choices were kept (version 1). */
  answer: z.nullable(savedAnswerSchema),
  /** When the latest try was made (ISO time); null when unknown (version 1). */
  at: z.nullable(isoTime),
});

export const lessonSchema = z.object({
  /** ISO time the lesson was first completed, or null. */
  completedAt: z.nullable(isoTime),
  questions: z.record(id, questionRecordSchema),
});

export const progressSchema = z.object({
  v: z.literal(PROGRESS_VERSION),
  lessons: z.record(id, lessonSchema),
});

export type SavedAnswer = z.infer<typeof savedAnswerSchema>;
export type QuestionRecord = z.infer<typeof questionRecordSchema>;
export type LessonProgress = z.infer<typeof lessonSchema>;
export type Progress = z.infer<typeof progressSchema>;
