import type { Metadata } from 'next';
import { SiteLink } from '@/components/ui/SiteLink';
import { lessonSummaries } from '@/lib/content/lessons';

export const metadata: Metadata = {
  title: 'Page not found',
  description: 'There is no page at this address. The lessons and the sandbox are a click away.',
};

/**
 * Any address the site does not have. The static export writes it to 404.html, which scripts/serve.mjs (and a
 * static host set up for it) sends with status 404.
 */
export default async function NotFound() {
  const lessons = await lessonSummaries();
  return (
    <div className="mx-auto max-w-3xl px-4 py-12">
      <p className="font-mono text-sm text-slate-700 dark:text-slate-300">HTTP/1.1 404 Not Found</p>
      <h1 className="mt-2 text-3xl font-semibold tracking-tight sm:text-4xl">This request went nowhere.</h1>
      <p className="mt-4 text-lg text-slate-700 dark:text-slate-300">
        The edge looked for a page at this address and found none: a mistyped link, or a page that has moved. Every lesson and the sandbox are still here.
      </p>
      <div className="mt-8 flex flex-wrap gap-3">
        <SiteLink href="/learn/" className="rounded-md bg-blue-700 px-5 py-3 font-medium text-white hover:bg-blue-800">
          See all lessons
        </SiteLink>
        <SiteLink href="/sandbox/" className="rounded-md border border-slate-300 px-5 py-3 font-medium hover:border-blue-500 dark:border-slate-600">
          Open the sandbox
        </SiteLink>
        <SiteLink href="/" className="self-center text-blue-700 underline dark:text-blue-300">
          Back to the start
        </SiteLink>
      </div>
      <h2 className="mt-12 text-base font-semibold">The lessons</h2>
      <ol className="mt-3 grid list-none gap-2 p-0 sm:grid-cols-2">
        {lessons.map((lesson) => (
          <li key={lesson.slug}>
            <SiteLink href={`/learn/${lesson.slug}/`} className="block rounded-lg border border-slate-200 px-3 py-2 hover:border-blue-400 dark:border-slate-800">
              <span className="text-sm text-slate-600 dark:text-slate-400">{lesson.order}.</span> {lesson.title}
            </SiteLink>
          </li>
        ))}
      </ol>
    </div>
  );
}
