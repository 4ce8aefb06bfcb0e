/**
 * Lifts progress saved by an older Roundtrip to today's shape. Each step reads its own version's
 * schema, so a damaged old file is reported where it is damaged, and returns the next version.
 */
import { z } from 'zod/mini';
import { ID_PATTERN, type Progress, type QuestionRecord } from './schema';

/** Version 1 kept only whether each answered question was right. */
const v1Schema = z.object({
  v: z.literal(1),
  lessons: z.record(
    z.string().check(z.regex(/^[a-z0-9-]{1,80}$/)),
    z.object({
      completedAt: z.nullable(z.string().check(z.maxLength(40))),
      answers: z.record(z.string().check(z.maxLength(80)), z.boolean()),
    }),
  ),
});

export type ProgressV1 = z.infer<typeof v1Schema>;

export type MigrationResult = { ok: true; progress: Progress } | { ok: false; path: string };

function damagedAt(error: { issues: readonly { path: readonly PropertyKey[] }[] }): { ok: false; path: string } {
  return { ok: false, path: error.issues[0]?.path.map(String).join('.') ?? '' };
}

/**
 * Version 1 → 2. Version 1 recorded one try per question, so that try is both the first and the latest;
 * its choices and time were never saved. A lesson it counted as complete stays complete: progress is never
 * taken away, even though completing now needs a passing score. Slugs and question ids in a form today's
 * cannot take are dropped: no lesson or question has them, so nothing would ever show them.
 */
export function fromV1(data: unknown): MigrationResult {
  const parsed = v1Schema.safeParse(data);
  if (!parsed.success) return damagedAt(parsed.error);
  const lessons = Object.entries(parsed.data.lessons)
    .filter(([slug]) => ID_PATTERN.test(slug))
    .map(([slug, lesson]) => {
    const questions = Object.entries(lesson.answers)
      .filter(([id]) => ID_PATTERN.test(id))
      .map(([id, correct]): [string, QuestionRecord] => [id, { firstTryCorrect: correct, correct, tries: 1, answer: null, at: null }]);
    return [slug, { completedAt: lesson.completedAt, questions: Object.fromEntries(questions) }] as const;
  });
  return { ok: true, progress: { v: 2, lessons: Object.fromEntries(lessons) } };
}
