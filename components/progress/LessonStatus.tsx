'use client';

/**
 * A lesson's status for the course index and the lesson page: whether the lesson is complete, and,
 * separately, its quiz score. Completion is a yes or no ("Lesson complete"); the score is always a count of
 * first tries ("Quiz: 7 of 9 right first time"), so neither reads as the other.
 */
import { lessonScore, PASS_PERCENT } from '@/lib/progress/score';
import { useProgress } from './ProgressProvider';

const pill = 'inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-medium';

export function LessonStatus({ slug, questions }: { slug: string; /** The quiz's question ids, or only how many there are. */ questions: readonly string[] | number }) {
  const lesson = useProgress((s) => (Object.hasOwn(s.progress.lessons, slug) ? s.progress.lessons[slug] : undefined));
  const score = lessonScore(lesson, questions);
  const complete = Boolean(lesson?.completedAt);
  const started = complete || score.answered > 0;

  const completion = complete ? (
    <span className={`${pill} bg-emerald-100 text-emerald-900 dark:bg-emerald-900 dark:text-emerald-100`}>
      <span aria-hidden="true">✓</span> Lesson complete
    </span>
  ) : started ? (
    <span className={`${pill} bg-blue-100 text-blue-900 dark:bg-blue-900 dark:text-blue-100`}>Lesson not complete yet</span>
  ) : (
    <span className={`${pill} bg-slate-100 text-slate-800 dark:bg-slate-800 dark:text-slate-200`}>Not started</span>
  );

  let quiz: string | null = null;
  if (score.answered === score.total && score.total > 0) {
    quiz = `Quiz: ${score.firstTryCorrect} of ${score.total} right first time (${score.percent}%)${score.passed || complete ? '' : `, ${PASS_PERCENT}% needed`}`;
  } else if (score.answered > 0) {
    quiz = `Quiz: ${score.answered} of ${score.total} answered, ${score.firstTryCorrect} right first time`;
  }

  return (
    <span className="inline-flex flex-wrap items-center gap-1.5">
      {completion}
      {quiz ? <span className={`${pill} border border-slate-300 text-slate-800 dark:border-slate-600 dark:text-slate-200`}>{quiz}</span> : null}
    </span>
  );
}

export function CourseProgress({ slugs }: { slugs: readonly string[] }) {
  const lessons = useProgress((s) => s.progress.lessons);
  const complete = slugs.filter((slug) => Object.hasOwn(lessons, slug) && lessons[slug]!.completedAt).length;
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
