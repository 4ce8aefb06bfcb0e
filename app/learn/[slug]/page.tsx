import type { Metadata } from 'next';
import { SiteLink } from '@/components/ui/SiteLink';
import { notFound } from 'next/navigation';
import { LESSON_SLUGS } from '@/content/manifest';
import { isLessonSlug, lessonSummaries, loadLesson } from '@/lib/content/lessons';
import { LessonStatus } from '@/components/progress/LessonStatus';
import { LazyQuiz } from '@/components/quiz/LazyQuiz';
import { LessonContents } from '@/components/lesson/LessonContents';

export const dynamicParams = false;

export function generateStaticParams() {
  return LESSON_SLUGS.map((slug) => ({ slug }));
}

export async function generateMetadata({ params }: { params: Promise<{ slug: string }> }): Promise<Metadata> {
  const { slug } = await params;
  if (!isLessonSlug(slug)) return {};
  const { frontmatter } = await loadLesson(slug);
  return { title: frontmatter.title, description: frontmatter.summary };
}

export default async function LessonPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  if (!isLessonSlug(slug)) notFound();
  const { Content, frontmatter, quiz, toc } = await loadLesson(slug);
  const summaries = await lessonSummaries();
  const index = LESSON_SLUGS.indexOf(slug);
  const previous = summaries[index - 1];
  const next = summaries[index + 1];

  return (
    <div className="mx-auto grid max-w-6xl gap-8 px-4 py-8 lg:grid-cols-[14rem_minmax(0,1fr)]">
      <LessonContents toc={toc} placement="sidebar" />
      <article className="min-w-0">
        <p className="m-0 text-sm text-slate-600 dark:text-slate-400">
          <SiteLink href="/learn/" className="underline">
            Course
          </SiteLink>{' '}
          · Lesson {frontmatter.order} of {LESSON_SLUGS.length} · {frontmatter.duration} min · <LessonStatus slug={slug} questions={quiz.questions.length} />
        </p>
        <h1 className="mt-2 text-3xl font-semibold tracking-tight sm:text-4xl">{frontmatter.title}</h1>
        <p className="mt-2 text-lg text-slate-700 dark:text-slate-300">{frontmatter.summary}</p>
        <LessonContents toc={toc} placement="inline" />
        <div className="prose prose-slate mt-8 max-w-[75ch] dark:prose-invert prose-headings:scroll-mt-4 prose-code:before:content-none prose-code:after:content-none prose-pre:bg-slate-50 prose-pre:text-slate-900 dark:prose-pre:bg-slate-900 dark:prose-pre:text-slate-100">
          <Content />
        </div>
        <LazyQuiz quiz={quiz} />
        <nav aria-label="Lessons" className="mt-12 grid gap-3 border-t border-slate-200 pt-6 sm:grid-cols-2 dark:border-slate-800">
          {previous ? (
            <SiteLink href={`/learn/${previous.slug}/`} className="rounded-lg border border-slate-200 p-3 hover:border-blue-400 dark:border-slate-800">
              <span className="block text-sm text-slate-600 dark:text-slate-400">Previous</span>
              <span className="font-medium">{previous.title}</span>
            </SiteLink>
          ) : (
            <span />
          )}
          {next ? (
            <SiteLink href={`/learn/${next.slug}/`} className="rounded-lg border border-slate-200 p-3 text-right hover:border-blue-400 dark:border-slate-800">
              <span className="block text-sm text-slate-600 dark:text-slate-400">Next</span>
              <span className="font-medium">{next.title}</span>
            </SiteLink>
          ) : (
            <SiteLink href="/sandbox/" className="rounded-lg border border-slate-200 p-3 text-right hover:border-blue-400 dark:border-slate-800">
              <span className="block text-sm text-slate-600 dark:text-slate-400">Course complete</span>
              <span className="font-medium">Experiment in the sandbox</span>
            </SiteLink>
          )}
        </nav>
      </article>
    </div>
  );
}
