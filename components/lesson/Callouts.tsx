import type { ReactNode } from 'react';

/** A "Try it" prompt: what to toggle in the simulator above, and what to notice. */
export function TryIt({ children }: { children: ReactNode }) {
  return (
    <div role="note" aria-label="Try it" className="my-6 rounded-lg border-l-4 border-blue-700 bg-blue-50 px-4 py-3 dark:border-blue-400 dark:bg-blue-950/40">
      <p className="m-0 text-sm font-semibold tracking-wide text-blue-900 uppercase dark:text-blue-200">Try it</p>
      <div className="[&>p]:my-1.5">{children}</div>
    </div>
  );
}

/** Where the course notes simplify, the accurate version — said kindly. */
export function Accuracy({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div role="note" aria-label={`More precisely: ${title}`} className="my-6 rounded-lg border-l-4 border-amber-600 bg-amber-50 px-4 py-3 dark:border-amber-400 dark:bg-amber-950/40">
      <p className="m-0 font-semibold text-amber-900 dark:text-amber-200">More precisely: {title}</p>
      <div className="[&>p]:my-1.5">{children}</div>
    </div>
  );
}

export function Note({ children }: { children: ReactNode }) {
  return (
    <div role="note" className="my-6 rounded-lg border border-slate-300 bg-slate-50 px-4 py-3 dark:border-slate-700 dark:bg-slate-900">
      <div className="[&>p]:my-1.5">{children}</div>
    </div>
  );
}
