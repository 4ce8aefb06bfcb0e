import type { TocEntry } from '@/lib/content/toc';

/**
 * A lesson's table of contents, in the two places a reader looks for it.
 *
 * On a wide screen it is a sidebar beside the lesson, always open. On a phone its long list of links above the
 * lesson pushed its title to the bottom of the first screen, so there it is a disclosure, closed, under the
 * lesson's introduction: the title and summary come first, and the contents are one tap away. Both are server
 * HTML with no script (`<details>` opens by itself), and only one of them is rendered at a time, so a screen
 * reader meets one "On this page" navigation at any width.
 */
export function LessonContents({ toc, placement }: { toc: TocEntry[]; placement: 'sidebar' | 'inline' }) {
  if (placement === 'sidebar') {
    return (
      <aside className="hidden lg:sticky lg:top-4 lg:block lg:self-start">
        <nav aria-label="On this page" className="text-sm">
          <p className="m-0 font-semibold">On this page</p>
          <ContentsList toc={toc} />
        </nav>
      </aside>
    );
  }
  return (
    <details className="group mt-6 rounded-lg border border-slate-200 text-sm lg:hidden dark:border-slate-800">
      <summary className="flex min-h-11 cursor-pointer list-none items-center justify-between gap-2 px-3 font-semibold [&::-webkit-details-marker]:hidden">
        On this page
        <svg aria-hidden="true" viewBox="0 0 16 16" className="size-4 shrink-0 transition-transform group-open:rotate-180 motion-reduce:transition-none">
          <path d="M4 6l4 4 4-4" fill="none" stroke="currentColor" strokeWidth="1.75" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
      </summary>
      <nav aria-label="On this page" className="border-t border-slate-200 px-3 pb-3 dark:border-slate-800">
        <ContentsList toc={toc} rows />
      </nav>
    </details>
  );
}

/** On a phone each link is a full-width row, a target a thumb can hit; beside the lesson they are plain links. */
function ContentsList({ toc, rows = false }: { toc: TocEntry[]; rows?: boolean }) {
  const entries = [...toc.map((entry) => ({ id: entry.id, text: entry.text, nested: entry.depth === 3 })), { id: 'quiz-heading', text: 'Check your understanding', nested: false }];
  return (
    <ol className={`mt-2 flex list-none flex-col p-0 ${rows ? '' : 'gap-1'}`}>
      {entries.map((entry) => (
        <li key={entry.id} className={entry.nested ? 'pl-3' : ''}>
          <a href={`#${entry.id}`} className={`${rows ? 'block py-1.5 ' : ''}text-slate-700 hover:text-blue-700 dark:text-slate-300 dark:hover:text-blue-300`}>
            {entry.text}
          </a>
        </li>
      ))}
    </ol>
  );
}
