/**
 * One picked stretch of a traffic run: its figures, and the requests it offers to open hop by hop. In the sandbox
 * each is a button that opens it there (`onOpen`); in a lesson's card, a link to that request in the sandbox
 * (`hrefFor`), where the single-request views are.
 */
import { useId } from 'react';
import { formatMs } from '@/components/ui/format';
import { SiteLink } from '@/components/ui/SiteLink';
import type { SeriesPoint } from '@/lib/traffic';

export const buttonClass =
  'rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-blue-600 disabled:opacity-50 dark:border-slate-600 dark:hover:bg-slate-800';

type Opens = { onOpen: (id: string) => void; hrefFor?: never } | { hrefFor: (id: string) => string; onOpen?: never };

export function StretchPanel({ point, bucketS, headingLevel = 3, ...opens }: { point: SeriesPoint; bucketS: number; headingLevel?: 3 | 5 } & Opens) {
  const from = point.t;
  const to = point.t + bucketS;
  // The requests this moment offers: the slowest and an ordinary one of those answered in it, and the first that
  // arrived in it (answered whenever it was), each once.
  const choices: { id: string; label: string }[] = [];
  const offer = (id: string | null, label: (id: string) => string) => {
    if (id && !choices.some((c) => c.id === id)) choices.push({ id, label: label(id) });
  };
  offer(point.slowestId, (id) => `Open its slowest request (${id}${point.slowestMs !== null ? `, ${formatMs(point.slowestMs)}` : ', never answered'})`);
  offer(point.typicalId, (id) => `Open a typical request (${id}, near p50)`);
  offer(point.arrivedId, (id) => `Open a request that arrived then (${id})`);
  const answered = point.slowestId !== null && point.slowestMs !== null;
  const Heading = headingLevel === 3 ? 'h3' : 'h5';
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="rounded-lg border border-blue-300 bg-blue-50 px-4 py-3 text-sm dark:border-blue-800 dark:bg-blue-950/40">
      <Heading id={headingId} className="font-semibold">
        From {from} s to {to} s of the run
      </Heading>
      <p>
        {answered
          ? `${point.rps} answers a second, ${(point.errorRate * 100).toFixed(1)}% server errors; p50 ${formatMs(point.p50)}, p95 ${formatMs(point.p95)}, p99 ${formatMs(point.p99)}.`
          : 'No visitor was answered in this stretch: the answers to its requests came later, if at all.'}
      </p>
      {choices.length ? (
        <div className="mt-2 flex flex-wrap gap-2">
          {choices.map(({ id, label }) =>
            opens.hrefFor ? (
              <SiteLink key={id} href={opens.hrefFor(id)} className={`${buttonClass} no-underline`}>
                {label} in the sandbox
              </SiteLink>
            ) : (
              <button key={id} type="button" className={buttonClass} onClick={() => opens.onOpen(id)}>
                {label}
              </button>
            ),
          )}
        </div>
      ) : (
        <p className="mt-1">No visitor arrived or was answered in this stretch, so there is no request to open.</p>
      )}
    </section>
  );
}
