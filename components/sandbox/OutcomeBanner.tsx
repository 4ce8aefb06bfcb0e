'use client';

import { formatMs } from '@/components/ui/format';
import { ExplainedFigure } from '@/components/ui/ExplainedFigure';
import { ChangeSummary } from './ChangeSummary';
import { CACHE_WORDS, nodeWords, statusWords } from './outcome-words';
import { useResult, useSandbox } from './store-context';

function duplicates(count: number): string {
  return count === 0 ? '' : ` (${count} duplicate${count === 1 ? '' : 's'})`;
}

/** What the run comes to, derived from the engine's outcome, and what the last change did to it. */
export function OutcomeBanner() {
  const { outcome, summary, events } = useResult();
  const method = useSandbox((s) => s.scenario.request.method);
  const writes = method !== 'GET' && method !== 'HEAD' && method !== 'OPTIONS';
  // Only work whose answer nobody read counts: the browser drawing the page after its answer is not that.
  const workedOn = events.some((e) => e.kind === 'orphaned');
  const ok = outcome.status !== null && outcome.status < 400;
  return (
    <section aria-label="Outcome" className={`rounded-lg border-l-4 px-4 py-2 ${ok ? 'border-emerald-600 bg-emerald-50 dark:bg-emerald-950/40' : 'border-red-700 bg-red-50 dark:bg-red-950/40'}`}>
      <dl className="flex flex-wrap gap-x-5 gap-y-1 text-sm">
        <ExplainedFigure term="Status" explanation="The HTTP status of the answer the browser finally got: 2xx worked, 4xx the request was refused, 5xx something behind the edge failed (RFC 9110 §15). “No answer” means the browser gave up.">
          {statusWords(outcome.status)}
        </ExplainedFigure>
        <ExplainedFigure term="Latency" explanation="From the browser’s first DNS question to the last byte of the final answer, every retry and back-off included.">
          {formatMs(outcome.latencyMs)}
        </ExplainedFigure>
        <ExplainedFigure term="Attempts" explanation="How many times the browser sent the request: its first try plus its own retries. Retries further in, by the app or a database driver, are counted under Retries.">
          {outcome.attempts}
        </ExplainedFigure>
        <ExplainedFigure term="Edge" explanation="What the CloudFront edge did with its cache: answered from a fresh copy (hit), fetched from the origin (miss), served or revalidated an expired copy, did not cache, or answered with an error it had cached.">
          {CACHE_WORDS[outcome.cache]}
        </ExplainedFigure>
        {outcome.answeredBy ? (
          <ExplainedFigure term="Answered by" explanation="The layer whose answer the browser finally got.">
            {nodeWords(outcome.answeredBy)}
          </ExplainedFigure>
        ) : null}
        {outcome.blockedBy ? (
          <ExplainedFigure term="Blocked by" explanation="The security layer that refused the request before it reached the origin.">
            {nodeWords(outcome.blockedBy)}
          </ExplainedFigure>
        ) : null}
        <ExplainedFigure term="DB queries" explanation="Statements the app sent to the database for this click, repeats included.">
          {summary.dbQueries}
        </ExplainedFigure>
        <ExplainedFigure term="Retries" explanation="Retries by every layer together: the browser, the app calling the database and the payments API, and the database driver. So it can be more than the browser’s attempts.">
          {summary.retries}
        </ExplainedFigure>
        {writes || outcome.writesCommitted > 0 ? (
          <ExplainedFigure term="Rows written" explanation="Write transactions the database committed for this click, including any that committed after the app stopped waiting.">
            {outcome.writesCommitted}
            {duplicates(outcome.duplicateWrites)}
          </ExplainedFigure>
        ) : null}
        {outcome.chargesMade > 0 || (writes && summary.thirdPartyCalls > 0) ? (
          <ExplainedFigure term="Charges" explanation="Charges the payments API made for this click; more than one means the customer paid twice.">
            {outcome.chargesMade}
            {duplicates(outcome.duplicateCharges)}
          </ExplainedFigure>
        ) : null}
        {workedOn ? (
          <ExplainedFigure term="Work went on until" explanation="Work that went on after the browser had its answer: nobody read its result.">
            {formatMs(outcome.workEndedAtMs)}
          </ExplainedFigure>
        ) : null}
      </dl>
      <ChangeSummary />
    </section>
  );
}
