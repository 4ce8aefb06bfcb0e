'use client';

import { useId } from 'react';
import { useSandbox, useSandboxStore } from './store-context';

/** What a link asked for that could not be used, each naming its parameter. Nothing else is lost. */
export function Notices() {
  const store = useSandboxStore();
  const notices = useSandbox((s) => s.notices);
  const headingId = useId();
  if (notices.length === 0) return null;
  return (
    <section role="alert" aria-labelledby={headingId} className="rounded-lg border border-amber-500 bg-amber-50 px-4 py-3 text-sm text-slate-900 dark:bg-amber-950/40 dark:text-slate-100">
      <div className="flex items-start justify-between gap-3">
        <div>
          <h2 id={headingId} className="font-semibold">
            Part of this link could not be used
          </h2>
          <ul className="mt-1 list-disc pl-5">
            {notices.map((notice, index) => (
              <li key={`${notice.param}-${index}`}>
                <code className="font-mono">{notice.param}</code>: {notice.message}
              </li>
            ))}
          </ul>
          <p className="mt-1">Everything else in the link was applied.</p>
        </div>
        <button type="button" onClick={store.getState().dismissNotices} className="shrink-0 rounded border border-amber-600 px-2 py-1 hover:bg-amber-100 dark:hover:bg-amber-900">
          Dismiss
        </button>
      </div>
    </section>
  );
}
