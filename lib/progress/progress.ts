/**
 * Reading and writing learner progress. Saved in the browser and in exported files, always with a version,
 * and migrated forward when read. A file that is not Roundtrip progress, is corrupt, or comes from a newer
 * version is refused with a message; nothing is changed.
 */
import { fromV1, type MigrationResult } from './migrate';
import { PROGRESS_VERSION, progressSchema, type Progress } from './schema';

export { EMPTY_PROGRESS, PROGRESS_VERSION } from './schema';
export type { LessonProgress, Progress, QuestionRecord, SavedAnswer } from './schema';

/** Marks an exported file as ours, so a random JSON file is told apart from a damaged one. */
export const PROGRESS_FILE_KIND = 'roundtrip-progress';

export type ReadResult = { ok: true; progress: Progress } | { ok: false; message: string };

/** Each entry lifts progress of version `key` to `key + 1`. */
const FROM_VERSION: Readonly<Record<number, (data: unknown) => MigrationResult>> = { 1: fromV1 };

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function damaged(path: string): ReadResult {
  return { ok: false, message: `The progress file is damaged${path ? ` at “${path}”` : ''}; nothing was changed.` };
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
  let current: unknown = { v: version, lessons: data.lessons };
  for (let v = version; v < PROGRESS_VERSION; v++) {
    const step = FROM_VERSION[v];
    if (!step) return damaged('v');
    const migrated = step(current);
    if (!migrated.ok) return damaged(migrated.path);
    current = migrated.progress;
  }
  const parsed = progressSchema.safeParse(current);
  if (!parsed.success) return damaged(parsed.error.issues[0]?.path.map(String).join('.') ?? '');
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

/** Lessons complete, for messages about a whole file. */
export function completedLessons(progress: Progress): number {
  return Object.values(progress.lessons).filter((l) => l.completedAt).length;
}
