'use client';

/**
 * A traffic run inside a lesson: decoded from the card's link, run once in a Web Worker, drawn as the sandbox draws
 * it (components/traffic/charts). A moment picked on a chart or in a table offers its requests, each a link to that
 * request in the sandbox, which replays it and plays it hop by hop: the lesson stays a page to read.
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { TrafficCharts } from '@/components/traffic/charts/TrafficCharts';
import { StretchPanel } from '@/components/traffic/StretchPanel';
import { useTrafficRun } from '@/components/traffic/worker/useTrafficRun';
import { decodeLink, encodeLink } from '@/lib/scenario/url-codec';

export default function TrafficSimRun({ query }: { query: string }) {
  const labelId = useId();
  const { scenario, preset } = useMemo(() => decodeLink(query), [query]);
  const run = useTrafficRun();
  const [picked, setPicked] = useState<number | null>(null);
  const panel = useRef<HTMLDivElement>(null);
  // As in the sandbox: the picked moment comes into view above the charts, and focus goes with it.
  const pick = (index: number) => {
    setPicked(index);
    panel.current?.focus({ preventScroll: true });
    panel.current?.scrollIntoView({ block: 'nearest', behavior: window.matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth' });
  };
  const { start } = run;
  useEffect(() => {
    if (scenario.mode === 'traffic') start(scenario);
  }, [scenario, start]);
  if (scenario.mode !== 'traffic') return null;

  const percent = Math.round((run.progress?.fraction ?? 0) * 100);
  const point = picked !== null ? run.series[picked] : undefined;
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
      <div ref={panel} className="scroll-mt-16 outline-none" tabIndex={-1}>
        {point ? (
          <StretchPanel point={point} bucketS={run.bucketS ?? 1} headingLevel={5} hrefFor={(id) => `/sandbox/?${encodeLink(scenario, { t: null, sel: null, req: id }, preset)}`} />
        ) : null}
      </div>
      {run.series.length ? (
        <TrafficCharts
          series={run.series}
          bucketS={run.bucketS ?? 1}
          durationS={scenario.traffic.durationS}
          scenario={scenario}
          summary={run.status === 'done' ? run.result?.summary : undefined}
          headingLevel={4}
          selectedIndex={picked}
          onPick={pick}
        />
      ) : null}
    </div>
  );
}
