'use client';

/**
 * What a finished traffic run came to: the answers, the latency percentiles, the cache, and how many calls each
 * visit cost the layers behind it. The sentence on how the run unfolded is the charts' (charts/RunSummary).
 */
import { ExplainedFigure } from '@/components/ui/ExplainedFigure';
import { formatMs } from '@/components/ui/format';
import { useTraffic } from './TrafficRunProvider';

const percent = (x: number) => `${(x * 100).toFixed(1)}%`;
const perVisit = (calls: number, requests: number) => (requests > 0 ? (calls / requests).toFixed(2) : '0');

export function RunFigures() {
  const run = useTraffic();
  const s = run.status === 'done' ? run.result?.summary : undefined;
  if (!s) return null;

  return (
    <section aria-label="What the run came to">
      <dl className="flex flex-wrap gap-x-5 gap-y-1 rounded-lg border-l-4 border-blue-700 bg-slate-50 px-4 py-2 text-sm dark:bg-slate-900">
          <ExplainedFigure term="Requests" explanation="Visitors who arrived after the warm-up. Bots of a flood are counted apart.">
            {s.requests.toLocaleString('en')}
          </ExplainedFigure>
          <ExplainedFigure term="Server errors" explanation="Answers with a 5xx status, and visits that got no answer at all, over the requests. A WAF’s 403 is the system working, so it is not counted.">
            {percent(s.errorRate)}
          </ExplainedFigure>
          <ExplainedFigure term="p50 / p95 / p99" explanation="Half, 95% and 99% of the visits were answered within these times. The mean hides the slow tail; the percentiles show it.">
            {formatMs(s.latency.p50)} / {formatMs(s.latency.p95)} / {formatMs(s.latency.p99)}
          </ExplainedFigure>
          <ExplainedFigure term="Hit ratio" explanation="Edge hits over the lookups of cacheable requests: the share the CDN answered without the origin.">
            {percent(s.hitRatio)}
          </ExplainedFigure>
          <ExplainedFigure term="Origin requests" explanation="Requests the edge sent to the origin: misses, revalidations and what cannot be cached.">
            {s.originRequests.toLocaleString('en')}
          </ExplainedFigure>
          <ExplainedFigure term="DB calls a visit" explanation="Database calls, retries included, over the requests: how much the layers’ retries multiply one click.">
            {perVisit(s.calls.db, s.requests)}
          </ExplainedFigure>
          {s.breakerOpens > 0 || s.breakerRejections > 0 ? (
            <ExplainedFigure term="Breakers" explanation="Times a circuit breaker opened (every pod's counted), and calls it refused without calling.">
              {s.breakerOpens} opened, {s.breakerRejections.toLocaleString('en')} refused
            </ExplainedFigure>
          ) : null}
      </dl>
    </section>
  );
}
