import type { Metadata } from 'next';
import { SiteLink } from '@/components/ui/SiteLink';
import { LESSON_SLUGS, type LessonSlug } from '@/content/manifest';
import { lessonSummaries } from '@/lib/content/lessons';
import type { Quiz } from '@/lib/quiz/types';
import { CourseProgress, LessonStatus } from '@/components/progress/LessonStatus';
import { ProgressTools } from '@/components/progress/ProgressTools';

export const metadata: Metadata = {
  title: 'Learn',
  description: 'Eleven hands-on lessons on how a web request crosses a real cloud architecture, each with simulators and a quiz.',
};

/** Each quiz's question ids, so a score counts only questions the quiz still asks. */
async function questionIds(slug: LessonSlug): Promise<string[]> {
  const { quiz } = (await import(`@/content/quizzes/${slug}`)) as { quiz: Quiz };
  return quiz.questions.map((q) => q.id);
}

export default async function LearnPage() {
  const lessons = await lessonSummaries();
  const ids = await Promise.all(lessons.map((lesson) => questionIds(lesson.slug)));
  return (
    <div className="mx-auto max-w-3xl px-4 py-10">
      <h1 className="text-3xl font-semibold tracking-tight">The course</h1>
      <p className="mt-2 text-slate-700 dark:text-slate-300">
        From the browser to the database and back: each lesson teaches one stretch of the path with simulators you can break, and ends with a quiz.
      </p>
      <div className="mt-6">
        <CourseProgress slugs={LESSON_SLUGS} />
      </div>
      <ol className="mt-8 flex list-none flex-col gap-3 p-0">
        {lessons.map((lesson, index) => (
          <li key={lesson.slug} className="rounded-xl border border-slate-200 p-4 hover:border-blue-400 dark:border-slate-800">
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <h2 className="m-0 text-lg font-semibold">
                <SiteLink href={`/learn/${lesson.slug}/`} className="hover:text-blue-700 dark:hover:text-blue-300">
                  {lesson.order}. {lesson.title}
                </SiteLink>
              </h2>
              <LessonStatus slug={lesson.slug} questions={ids[index]!} />
            </div>
            <p className="mt-1 mb-0 text-slate-700 dark:text-slate-300">{lesson.summary}</p>
            <p className="mt-1 mb-0 text-sm text-slate-600 dark:text-slate-400">{lesson.duration} min</p>
          </li>
        ))}
      </ol>
      <div className="mt-10">
        <ProgressTools quizzes={Object.fromEntries(lessons.map((lesson, index) => [lesson.slug, ids[index]!]))} />
      </div>
    </div>
  );
}
