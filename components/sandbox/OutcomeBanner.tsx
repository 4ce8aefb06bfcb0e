'use client';

import { NODES } from '@/lib/sim';
import { formatMs } from '@/components/ui/format';
import { useResult, useSandbox } from './store-context';

const CACHE_WORDS = {
  hit: 'cache hit',
  miss: 'cache miss',
  stale: 'served stale',
  revalidated: 'revalidated (304)',
  bypass: 'not cached',
  error: 'cached error',
} as const;

function duplicates(count: number): string {
  return count === 0 ? '' : ` (${count} duplicate${count === 1 ? '' : 's'})`;
}

/** What the run comes to, derived from the engine's outcome. */
export function OutcomeBanner() {
  const { outcome, summary } = useResult();
  const method = useSandbox((s) => s.scenario.request.method);
  const writes = method !== 'GET' && method !== 'HEAD' && method !== 'OPTIONS';
  const workedOn = outcome.workEndedAtMs > outcome.latencyMs + 1;
  const ok = outcome.status !== null && outcome.status < 400;
  return (
    <section aria-label="Outcome" className={`rounded-lg border-l-4 px-4 py-2.5 ${ok ? 'border-emerald-600 bg-emerald-50 dark:bg-emerald-950/40' : 'border-red-700 bg-red-50 dark:bg-red-950/40'}`}>
      <dl className="flex flex-wrap gap-x-6 gap-y-1 text-sm">
        <div className="flex gap-1.5">
          <dt className="text-slate-700 dark:text-slate-300">Status</dt>
          <dd className="font-semibold">{outcome.status ?? 'no answer'}</dd>
        </div>
        <div className="flex gap-1.5">
          <dt className="text-slate-700 dark:text-slate-300">Latency</dt>
          <dd className="font-semibold">{formatMs(outcome.latencyMs)}</dd>
        </div>
        <div className="flex gap-1.5">
          <dt className="text-slate-700 dark:text-slate-300">Attempts</dt>
          <dd className="font-semibold">{outcome.attempts}</dd>
        </div>
        <div className="flex gap-1.5">
          <dt className="text-slate-700 dark:text-slate-300">Edge</dt>
          <dd className="font-semibold">{CACHE_WORDS[outcome.cache]}</dd>
        </div>
        {outcome.answeredBy ? (
          <div className="flex gap-1.5" title="The layer whose answer the browser finally got">
            <dt className="text-slate-700 dark:text-slate-300">Answered by</dt>
            <dd className="font-semibold">{NODES[outcome.answeredBy].label}</dd>
          </div>
        ) : null}
        {outcome.blockedBy ? (
          <div className="flex gap-1.5">
            <dt className="text-slate-700 dark:text-slate-300">Blocked by</dt>
            <dd className="font-semibold">{NODES[outcome.blockedBy].label}</dd>
          </div>
        ) : null}
        <div className="flex gap-1.5">
          <dt className="text-slate-700 dark:text-slate-300">DB queries</dt>
          <dd className="font-semibold">{summary.dbQueries}</dd>
        </div>
        <div className="flex gap-1.5">
          <dt className="text-slate-700 dark:text-slate-300">Retries</dt>
          <dd className="font-semibold">{summary.retries}</dd>
        </div>
        {writes || outcome.writesCommitted > 0 ? (
          <div className="flex gap-1.5" title="Write transactions the database committed for this click, including any that committed after the app stopped waiting">
            <dt className="text-slate-700 dark:text-slate-300">Rows written</dt>
            <dd className="font-semibold">
              {outcome.writesCommitted}
              {duplicates(outcome.duplicateWrites)}
            </dd>
          </div>
        ) : null}
        {outcome.chargesMade > 0 || (writes && summary.thirdPartyCalls > 0) ? (
          <div className="flex gap-1.5" title="Charges the payments API made for this click">
            <dt className="text-slate-700 dark:text-slate-300">Charges</dt>
            <dd className="font-semibold">
              {outcome.chargesMade}
              {duplicates(outcome.duplicateCharges)}
            </dd>
          </div>
        ) : null}
        {workedOn ? (
          <div className="flex gap-1.5" title="Work that went on after the browser had its answer: nobody read its result">
            <dt className="text-slate-700 dark:text-slate-300">Work went on until</dt>
            <dd className="font-semibold">{formatMs(outcome.workEndedAtMs)}</dd>
          </div>
        ) : null}
      </dl>
    </section>
  );
}
