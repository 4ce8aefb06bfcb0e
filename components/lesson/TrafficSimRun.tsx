'use client';

/**
 * A traffic run inside a lesson: decoded from the card's link, run once in a Web Worker, drawn as the sandbox draws
 * it (components/traffic/charts). Picking a moment belongs to the sandbox, where a request can be opened hop by
 * hop; the card links there.
 */
import { useEffect, useId, useMemo } from 'react';
import { TrafficCharts } from '@/components/traffic/charts/TrafficCharts';
import { useTrafficRun } from '@/components/traffic/worker/useTrafficRun';
import { decodeLink } from '@/lib/scenario/url-codec';

export default function TrafficSimRun({ query }: { query: string }) {
  const labelId = useId();
  const scenario = useMemo(() => decodeLink(query).scenario, [query]);
  const run = useTrafficRun();
  const { start } = run;
  useEffect(() => {
    if (scenario.mode === 'traffic') start(scenario);
  }, [scenario, start]);
  if (scenario.mode !== 'traffic') return null;

  const percent = Math.round((run.progress?.fraction ?? 0) * 100);
  return (
    <div className="mt-3 flex flex-col gap-3">
      <div className="flex items-center gap-3 text-sm">
        <span id={labelId} className="shrink-0">
          {run.status === 'done' ? 'The run, live' : run.status === 'error' ? `The run failed: ${run.error}` : 'Running…'}
        </span>
        <div
          role="progressbar"
          aria-labelledby={labelId}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={percent}
          className="h-1.5 flex-1 overflow-hidden rounded-full bg-slate-200 dark:bg-slate-700"
        >
          <div className="h-full bg-blue-700 dark:bg-blue-400" style={{ width: `${percent}%` }} />
        </div>
      </div>
      {run.series.length ? (
        <TrafficCharts
          series={run.series}
          bucketS={run.bucketS ?? 1}
          durationS={scenario.traffic.durationS}
          scenario={scenario}
          summary={run.status === 'done' ? run.result?.summary : undefined}
          headingLevel={4}
        />
      ) : null}
    </div>
  );
}
