'use client';

/**
 * The backoff study on the stage: the learner's retry policy beside the same backoff, base and cap under every
 * kind of jitter, each row a run of the engine (lib/traffic/backoff-compare.ts), and the comparison in a sentence.
 * The study is small (at most a few hundred clients), so it runs here, memoised by the scenario.
 */
import { useMemo } from 'react';
import { useSandbox } from '@/components/sandbox/store-context';
import { compareJitters, describeJitters } from '@/lib/traffic/backoff-compare';
import { STUDY_NETWORK } from '@/lib/traffic/backoff-study';

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

export function BackoffStudyStage() {
  const scenario = useSandbox((s) => s.scenario);
  const rows = useMemo(() => compareJitters(scenario), [scenario]);
  const sentence = describeJitters(rows);
  const { backoff, baseMs, capMs } = scenario.retry;

  return (
    <section aria-labelledby="study-heading" className="flex min-w-0 flex-col gap-3">
      <h2 id="study-heading" className="text-lg font-semibold">
        {scenario.backoffStudy.clients} clients, one row: {backoff} backoff, base {baseMs} ms, cap {capMs} ms
      </h2>
      <p className="text-sm text-slate-700 dark:text-slate-300">
        Each client reads the row and writes it back; a write commits only if nobody wrote since its read. A client that loses backs off and tries again, until its
        write commits. Each row below is the same race run with one kind of jitter.
      </p>
      <p role="status" className="rounded-lg border-l-4 border-blue-700 bg-slate-50 px-4 py-2 text-sm dark:bg-slate-900">
        {sentence}
      </p>
      <div className="overflow-x-auto">
        <table className="w-full min-w-[34rem] text-left text-sm tabular-nums">
          <caption className="sr-only">The study under each kind of jitter</caption>
          <thead>
            <tr className="border-b border-slate-300 dark:border-slate-600">
              <th scope="col" className="py-1 pr-3">Jitter</th>
              <th scope="col" className="py-1 pr-3">Calls</th>
              <th scope="col" className="py-1 pr-3">Lost races</th>
              <th scope="col" className="py-1 pr-3">Median client done</th>
              <th scope="col" className="py-1 pr-3">Last client done</th>
              <th scope="col" className="py-1">Most tries</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ jitter, chosen, summary }) => (
              <tr key={jitter} className={`border-b border-slate-200 dark:border-slate-800 ${chosen ? 'bg-blue-50 font-semibold dark:bg-blue-950/40' : ''}`}>
                <th scope="row" className="py-1 pr-3 font-medium">
                  {jitter}
                  {chosen ? <span className="font-normal"> (yours)</span> : null}
                </th>
                <td className="py-1 pr-3">{summary.calls.toLocaleString('en')}</td>
                <td className="py-1 pr-3">{summary.conflicts.toLocaleString('en')}</td>
                <td className="py-1 pr-3">{seconds(summary.medianCompletionMs)}</td>
                <td className="py-1 pr-3">{seconds(summary.completionMs)}</td>
                <td className="py-1">{summary.mostAttempts}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="text-xs text-slate-700 dark:text-slate-300">
        The network’s delays are drawn around {STUDY_NETWORK.meanMs} ms, as in the study’s own simulator; change the jitter, the backoff, the base, the cap or the number of clients in the
        conditions.
      </p>
    </section>
  );
}
