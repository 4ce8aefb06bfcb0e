/**
 * Merging two progress records, as importing a file does: for each lesson and each question the better
 * result wins, and between equally good results the newer one. Nothing either side holds is lost.
 * The rules form a total order, so merging is idempotent, commutative and associative.
 */
import type { LessonProgress, Progress, QuestionRecord } from './schema';

/** JSON with keys sorted, so two records with the same content compare equal whatever order their keys came in. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Orders two times: unknown (null) first, then text that is not a date, then dates by when they are.
 * Imported files may hold any text here, and a total order keeps merging commutative regardless.
 */
export function compareTimes(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  const ta = Date.parse(a);
  const tb = Date.parse(b);
  if (Number.isNaN(ta) !== Number.isNaN(tb)) return Number.isNaN(ta) ? -1 : 1;
  if (!Number.isNaN(ta) && ta !== tb) return ta - tb;
  return compareText(a, b);
}

/** Positive when `a` is the better result for one question: right first time, then right at the latest try, then newer. */
export function compareRecords(a: QuestionRecord, b: QuestionRecord): number {
  if (a.firstTryCorrect !== b.firstTryCorrect) return a.firstTryCorrect ? 1 : -1;
  if (a.correct !== b.correct) return a.correct ? 1 : -1;
  const time = compareTimes(a.at, b.at);
  if (time !== 0) return time;
  // Equally good and equally new: any fixed choice will do, as long as both orders of merging make the same one.
  return compareText(canonical(a), canonical(b));
}

function ownKeys(record: Readonly<Record<string, unknown>>): string[] {
  return Object.keys(record);
}

function has<T>(record: Readonly<Record<string, T>>, key: string): boolean {
  return Object.hasOwn(record, key);
}

/** The earlier of two completion times: a lesson counts as complete from when it first was. */
function earliestCompletion(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return compareTimes(a, b) <= 0 ? a : b;
}

export function mergeLesson(a: LessonProgress, b: LessonProgress): LessonProgress {
  const ids = new Set([...ownKeys(a.questions), ...ownKeys(b.questions)]);
  const questions = [...ids].sort().map((id): [string, QuestionRecord] => {
    const x = has(a.questions, id) ? a.questions[id] : undefined;
    const y = has(b.questions, id) ? b.questions[id] : undefined;
    if (!x) return [id, y!];
    if (!y) return [id, x];
    return [id, compareRecords(x, y) >= 0 ? x : y];
  });
  // fromEntries defines own properties, so no id could ever reach an object's prototype.
  return { completedAt: earliestCompletion(a.completedAt, b.completedAt), questions: Object.fromEntries(questions) };
}

export function mergeProgress(a: Progress, b: Progress): Progress {
  const slugs = new Set([...ownKeys(a.lessons), ...ownKeys(b.lessons)]);
  const lessons = [...slugs].sort().map((slug): [string, LessonProgress] => {
    const x = has(a.lessons, slug) ? a.lessons[slug] : undefined;
    const y = has(b.lessons, slug) ? b.lessons[slug] : undefined;
    return [slug, x && y ? mergeLesson(x, y) : (x ?? y)!];
  });
  return { v: a.v, lessons: Object.fromEntries(lessons) };
}

export interface MergeSummary {
  /** Lessons the file had and this browser did not. */
  added: number;
  /** Lessons with a better result: completed, a question newly answered, or a first or latest try now right. */
  improved: number;
  /** Lessons where only newer choices, equally good, came in. */
  updated: number;
}

function isEmpty(lesson: LessonProgress | undefined): boolean {
  return !lesson || (lesson.completedAt === null && ownKeys(lesson.questions).length === 0);
}

function isBetter(before: LessonProgress, after: LessonProgress): boolean {
  if (before.completedAt === null && after.completedAt !== null) return true;
  return ownKeys(after.questions).some((id) => {
    const old = has(before.questions, id) ? before.questions[id] : undefined;
    const now = after.questions[id]!;
    return !old || (now.firstTryCorrect && !old.firstTryCorrect) || (now.correct && !old.correct);
  });
}

/** What merging changed in `before` (this browser's progress) to give `after`. */
export function summarizeMerge(before: Progress, after: Progress): MergeSummary {
  const summary: MergeSummary = { added: 0, improved: 0, updated: 0 };
  for (const slug of ownKeys(after.lessons)) {
    const old = has(before.lessons, slug) ? before.lessons[slug] : undefined;
    const now = after.lessons[slug]!;
    if (isEmpty(old)) {
      if (!isEmpty(now)) summary.added++;
    } else if (canonical(old) !== canonical(now)) {
      if (isBetter(old!, now)) summary.improved++;
      else summary.updated++;
    }
  }
  return summary;
}

function lessons(count: number): string {
  return `${count} lesson${count === 1 ? '' : 's'}`;
}

/** One sentence: "2 lessons added, 1 improved, nothing lost." */
export function describeMerge({ added, improved, updated }: MergeSummary): string {
  if (added + improved + updated === 0) return 'Nothing new in that file: this browser already had all of it, and nothing was lost.';
  const parts: string[] = [];
  if (added) parts.push(`${lessons(added)} added`);
  if (improved) parts.push(parts.length ? `${improved} improved` : `${lessons(improved)} improved`);
  if (updated) parts.push(`${parts.length ? updated : lessons(updated)} updated with newer answers`);
  return `${parts.join(', ')}, nothing lost.`;
}

/** Merges a file's progress into this browser's: the merged progress, and the sentence that says what changed. */
export function mergeImport(current: Progress, incoming: Progress): { progress: Progress; sentence: string } {
  const progress = mergeProgress(current, incoming);
  return { progress, sentence: describeMerge(summarizeMerge(current, progress)) };
}
