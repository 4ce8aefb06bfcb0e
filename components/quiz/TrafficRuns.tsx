'use client';

/**
 * What "Show me" opens on a graded traffic prediction: the figure in each run, as the simulator gave it, and a link
 * that opens each run in the traffic sandbox. The runs happen on the page, pausing between slices of work; a run
 * already made for grading is not made again.
 */
import { useEffect, useState } from 'react';
import { formatFigure } from '@/lib/content/format-figure';
import { unitOfTrafficPath } from '@/lib/quiz/traffic-paths';
import type { PredictTraffic } from '@/lib/quiz/types';

interface Row {
  label: string;
  value: number;
  href: string;
}
type Shown = { state: 'running' } | { state: 'done'; rows: Row[] } | { state: 'failed'; error: string };

async function runsOf(question: PredictTraffic): Promise<Shown> {
  const [{ trafficVerdict }, { manyRequestRunAsync, sandboxQueryFor }] = await Promise.all([import('@/lib/quiz/predict'), import('@/lib/quiz/traffic-figures')]);
  const first = await manyRequestRunAsync(question.link);
  const second = question.ask === 'change' ? await manyRequestRunAsync(question.changed) : undefined;
  const verdict = trafficVerdict(question, first, second);
  if (typeof verdict === 'string') return { state: 'failed', error: verdict };
  const href = (link: string) => `/sandbox/?${sandboxQueryFor(link)}`;
  if (question.ask === 'band') return { state: 'done', rows: [{ label: 'The run', value: verdict.before, href: href(question.link) }] };
  return {
    state: 'done',
    rows: [
      { label: 'As it starts', value: verdict.before, href: href(question.link) },
      { label: 'With the change', value: verdict.after!, href: href(question.changed) },
    ],
  };
}

export function TrafficRuns({ id, question }: { id: string; question: PredictTraffic }) {
  const [shown, setShown] = useState<Shown>({ state: 'running' });
  useEffect(() => {
    let live = true;
    void runsOf(question).then((runs) => live && setShown(runs));
    return () => {
      live = false;
    };
  }, [question]);
  const unit = unitOfTrafficPath(question.of);
  const written = (value: number) => formatFigure({ value, unit }, unit === 'ms' ? 'duration' : unit === 'share' ? 'percent' : 'count');
  return (
    <figure id={id} aria-label="Simulator: this question’s traffic runs" className="mt-3 mb-0 rounded-xl border border-slate-200 bg-white p-3 dark:border-slate-800 dark:bg-slate-950">
      <figcaption className="text-sm font-semibold">
        {question.what.charAt(0).toUpperCase() + question.what.slice(1)}, as the simulator gave {question.ask === 'change' ? 'them' : 'it'}
      </figcaption>
      {shown.state === 'running' ? <p className="m-0 mt-2 text-sm text-slate-700 dark:text-slate-300">Running the simulator…</p> : null}
      {shown.state === 'failed' ? <p className="m-0 mt-2 text-sm">The simulator could not run this question: {shown.error}</p> : null}
      {shown.state === 'done' ? (
        <ul className="m-0 mt-2 flex list-none flex-col gap-1.5 p-0">
          {shown.rows.map((row) => (
            <li key={row.label} className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
              <span className="text-sm text-slate-700 dark:text-slate-300">{row.label}:</span>
              <span className="font-semibold tabular-nums">{written(row.value)}</span>
              <a className="text-sm text-blue-700 underline dark:text-blue-300" href={row.href}>
                Open {row.label === 'With the change' ? 'the changed run' : 'this run'} in the traffic sandbox
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </figure>
  );
}
