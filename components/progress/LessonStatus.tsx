'use client';

import { quizScore } from '@/lib/progress/progress';
import { useProgress } from './ProgressProvider';

/** A lesson's status for the course index and the lesson navigation. */
export function LessonStatus({ slug, questions }: { slug: string; questions?: number }) {
  const lesson = useProgress((s) => s.progress.lessons[slug]);
  const { correct, answered } = quizScore(lesson);
  if (lesson?.completedAt) {
    return (
      <span className="inline-flex items-center gap-1 rounded-full bg-emerald-100 px-2 py-0.5 text-xs font-medium text-emerald-900 dark:bg-emerald-900 dark:text-emerald-100">
        <span aria-hidden="true">✓</span> Complete{answered ? ` · quiz ${correct}/${questions ?? answered}` : ''}
      </span>
    );
  }
  if (answered) {
    return <span className="rounded-full bg-blue-100 px-2 py-0.5 text-xs font-medium text-blue-900 dark:bg-blue-900 dark:text-blue-100">In progress · quiz {correct}/{questions ?? answered}</span>;
  }
  return <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs text-slate-800 dark:bg-slate-800 dark:text-slate-200">Not started</span>;
}

export function CourseProgress({ slugs }: { slugs: readonly string[] }) {
  const lessons = useProgress((s) => s.progress.lessons);
  const complete = slugs.filter((slug) => lessons[slug]?.completedAt).length;
  return (
    <div>
      <p className="m-0 text-sm font-medium">
        {complete} of {slugs.length} lessons complete
      </p>
      <div role="progressbar" aria-label="Course progress" aria-valuemin={0} aria-valuemax={slugs.length} aria-valuenow={complete} className="mt-1 h-2 w-full rounded-full bg-slate-200 dark:bg-slate-800">
        <div className="h-2 rounded-full bg-emerald-600" style={{ width: `${(complete / slugs.length) * 100}%` }} />
      </div>
    </div>
  );
}
