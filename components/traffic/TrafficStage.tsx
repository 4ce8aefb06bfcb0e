'use client';

/**
 * The stage in traffic mode: the run's progress (with a way to stop it), what it came to, its charts, and — once
 * a moment is picked on a chart or in a table — that moment's requests, any of which opens in the single-request
 * views, hop by hop. The run itself happens in a Worker (TrafficRunProvider); this draws what it reports.
 */
import dynamic from 'next/dynamic';
import { useRef, useState } from 'react';
import { formatMs } from '@/components/ui/format';
import { useSandbox, useSandboxStore } from '@/components/sandbox/store-context';
import { useReducedMotion } from '@/components/sandbox/useReducedMotion';
import { worstP99Index } from '@/lib/traffic/describe';
import { formatSecondsAt } from '@/lib/traffic/figures';
import { RunFigures } from './RunFigures';
import { buttonClass, StretchPanel } from './StretchPanel';
import { RunProgress } from './RunProgress';
import { useTraffic } from './TrafficRunProvider';

// The charts and their library load only when traffic mode is on (the sandbox's first load stays within budget).
const TrafficCharts = dynamic(() => import('./charts/TrafficCharts'), {
  ssr: false,
  loading: () => <p className="text-sm text-slate-700 dark:text-slate-300">Loading the charts…</p>,
});

// The diagram under load, likewise: its canvas animation and drawing code come with traffic mode.
const TrafficDiagram = dynamic(() => import('./diagram/TrafficDiagram'), {
  ssr: false,
  loading: () => <p className="text-sm text-slate-700 dark:text-slate-300">Loading the diagram…</p>,
});

/** `onOpen` hears that the learner opened a request here, before the stage gives way to it. */
export function TrafficStage({ onOpen }: { onOpen?: () => void }) {
  const run = useTraffic();
  const store = useSandboxStore();
  const scenario = useSandbox((s) => s.scenario);
  const [picked, setPicked] = useState<number | null>(null);
  // The diagram's playhead, in simulated seconds: picking a moment on a chart moves it there too.
  const [at, setAt] = useState(0);

  const panel = useRef<HTMLDivElement>(null);
  const reduced = useReducedMotion();
  const series = run.series;
  const bucketS = run.bucketS ?? 1;
  const pick = (index: number) => {
    setPicked(index);
    const chosen = series[index];
    if (chosen) setAt(chosen.t);
    // Focus follows the pick, so the keyboard's next Tab reaches the moment's requests.
    panel.current?.focus({ preventScroll: true });
    panel.current?.scrollIntoView({ block: 'nearest', behavior: reduced ? 'auto' : 'smooth' });
  };
  const point = picked !== null ? series[picked] : undefined;
  // Offered once the run is over or stopped, when the worst moment can no longer move.
  const worst = run.status === 'done' || run.status === 'cancelled' ? worstP99Index(series) : null;

  // The request is replayed in the Worker (ReplayPending), then the single-request views play it.
  const open = (id: string) => {
    onOpen?.();
    store.getState().drill(id);
  };

  return (
    <section aria-label="Traffic run" className="flex min-w-0 flex-col gap-3">
      <RunProgress />
      <RunFigures />
      {/* Above the charts, so a moment picked on any of them shows here without a long scroll down. */}
      <div ref={panel} className="scroll-mt-2 outline-none" tabIndex={-1}>
        {point ? <StretchPanel point={point} bucketS={bucketS} onOpen={open} /> : null}
      </div>
      {series.length > 0 ? (
        <>
          <TrafficDiagram series={series} bucketS={bucketS} durationS={scenario.traffic.durationS} scenario={scenario} at={at} onSeek={setAt} reducedMotion={reduced} />
          <div className="flex flex-col items-start gap-2">
            <p className="text-sm text-slate-700 dark:text-slate-300">
              Each point is {bucketS} s of the run. Pick one on a chart, or in a chart’s table, to open one of its requests hop by hop.
            </p>
            {worst !== null ? (
              <button type="button" className={buttonClass} onClick={() => pick(worst)}>
                Pick the worst p99 ({formatMs(series[worst]!.p99)} at {formatSecondsAt(series[worst]!.t)})
              </button>
            ) : null}
          </div>
          <TrafficCharts series={series} bucketS={bucketS} durationS={scenario.traffic.durationS} scenario={scenario} summary={run.status === 'done' ? run.result?.summary : undefined} selectedIndex={picked} onPick={pick} />
        </>
      ) : null}
    </section>
  );
}
