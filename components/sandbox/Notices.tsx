'use client';

import { useId, useMemo } from 'react';
import { compatibilityNotices } from '@/lib/scenario/compatibility';
import { MODES } from '@/lib/scenario/vocabulary';
import type { Notice } from '@/lib/scenario/url-codec';
import { useSandbox, useSandboxStore } from './store-context';

function NoticeList({ notices }: { notices: Notice[] }) {
  return (
    <ul className="mt-1 list-disc pl-5">
      {notices.map((notice, index) => (
        <li key={`${notice.param}-${index}`}>
          <code className="font-mono">{notice.param}</code>: {notice.message}
        </li>
      ))}
    </ul>
  );
}

/** What a link asked for that could not be used, each naming its parameter. Nothing else is lost. */
function LinkNotices() {
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
          <NoticeList notices={notices} />
          <p className="mt-1">Everything else in the link was applied.</p>
        </div>
        <button type="button" onClick={store.getState().dismissNotices} className="shrink-0 rounded border border-amber-600 px-2 py-1 hover:bg-amber-100 dark:hover:bg-amber-900">
          Dismiss
        </button>
      </div>
    </section>
  );
}

/**
 * Settings that cannot take effect together, worked out from the scenario each time it changes (the store
 * holds inputs only). The live region is always present, so a new explanation is announced politely;
 * a link's unusable parameters, above, interrupt instead (role=alert).
 */
function CompatibilityNotices({ showsAllModes }: { showsAllModes: boolean }) {
  const scenario = useSandbox((s) => s.scenario);
  const notices = useMemo(() => compatibilityNotices(scenario, showsAllModes ? MODES : ['single']), [scenario, showsAllModes]);
  const headingId = useId();
  const shown = notices.length > 0;
  return (
    <section
      role="status"
      aria-labelledby={shown ? headingId : undefined}
      // Empty, it is out of the layout (sr-only) but stays in the accessibility tree, ready to speak.
      className={shown ? 'rounded-lg border border-sky-600 bg-sky-50 px-4 py-3 text-sm text-slate-900 dark:bg-sky-950/40 dark:text-slate-100' : 'sr-only'}
    >
      {shown ? (
        <>
          <h2 id={headingId} className="font-semibold">
            Some settings cannot take effect here
          </h2>
          <NoticeList notices={notices} />
          <p className="mt-1">They stay as you chose them, and so does the link.</p>
        </>
      ) : null}
    </section>
  );
}

/** `showsAllModes`: the page shows traffic runs and the backoff study as they are (the sandbox); elsewhere it runs one request. */
export function Notices({ showsAllModes = false }: { showsAllModes?: boolean }) {
  return (
    <>
      <LinkNotices />
      <CompatibilityNotices showsAllModes={showsAllModes} />
    </>
  );
}
