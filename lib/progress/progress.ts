/**
 * Learner progress: which lessons are complete and how each quiz went. Saved in the browser and in
 * exported files, always with a version, and migrated forward when read. A file that is not Roundtrip
 * progress, is corrupt, or comes from a newer version is refused with a message; nothing is changed.
 */
import { z } from 'zod/mini';

export const PROGRESS_VERSION = 1;
/** Marks an exported file as ours, so a random JSON file is told apart from a damaged one. */
export const PROGRESS_FILE_KIND = 'roundtrip-progress';

const lessonSchema = z.object({
  /** ISO time the lesson was completed, or null. */
  completedAt: z.nullable(z.string().check(z.maxLength(40))),
  /** Whether each answered question was right, by question id. */
  answers: z.record(z.string().check(z.maxLength(80)), z.boolean()),
});

const progressSchema = z.object({
  v: z.literal(PROGRESS_VERSION),
  lessons: z.record(z.string().check(z.regex(/^[a-z0-9-]{1,80}$/)), lessonSchema),
});

export type LessonProgress = z.infer<typeof lessonSchema>;
export type Progress = z.infer<typeof progressSchema>;

export const EMPTY_PROGRESS: Progress = { v: PROGRESS_VERSION, lessons: {} };

export type ReadResult = { ok: true; progress: Progress } | { ok: false; message: string };

/** Each entry lifts progress of version `key` to `key + 1`. Version 1 is the first. */
const MIGRATIONS: Readonly<Record<number, (data: Record<string, unknown>) => Record<string, unknown>>> = {};

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads saved or imported progress of any known version. */
export function readProgress(data: unknown): ReadResult {
  if (!isObject(data)) return { ok: false, message: 'This is not a Roundtrip progress file.' };
  if ('kind' in data && data.kind !== PROGRESS_FILE_KIND) return { ok: false, message: 'This is not a Roundtrip progress file.' };
  const version = data.v;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, message: 'This is not a Roundtrip progress file: it has no version.' };
  }
  if (version > PROGRESS_VERSION) {
    return { ok: false, message: `This file was saved by a newer Roundtrip (version ${version}); this one reads up to version ${PROGRESS_VERSION}.` };
  }
  let current: Record<string, unknown> = { v: version, lessons: data.lessons };
  for (let v = version; v < PROGRESS_VERSION; v++) {
    const step = MIGRATIONS[v];
    if (step) current = { ...step(current), v: v + 1 };
  }
  const parsed = progressSchema.safeParse(current);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, message: `The progress file is damaged${issue ? ` at “${issue.path.join('.')}”` : ''}; nothing was changed.` };
  }
  return { ok: true, progress: parsed.data };
}

export function parseProgressFile(text: string): ReadResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, message: 'The file is not valid JSON, so it cannot be Roundtrip progress; nothing was changed.' };
  }
  return readProgress(data);
}

export function progressFile(progress: Progress, exportedAt: string): string {
  return `${JSON.stringify({ kind: PROGRESS_FILE_KIND, exportedAt, ...progress }, null, 2)}\n`;
}

export function quizScore(lesson: LessonProgress | undefined): { correct: number; answered: number } {
  const answers = Object.values(lesson?.answers ?? {});
  return { correct: answers.filter(Boolean).length, answered: answers.length };
}
