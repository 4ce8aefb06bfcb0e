'use client';

/**
 * One chart of a traffic run: its heading, what to look for, a legend that names every line, the canvas, and the
 * same figures as a table. The canvas takes the width of its container, whatever it is, down to a phone's.
 */
import { useId } from 'react';
import { useElementSize } from '@/components/diagram/useElementSize';
import type { ChartSpec, LineSpec } from './chart-specs';
import { ChartTable } from './ChartTable';
import { THEORY_DASH, toneOf } from './palette';
import { UPlotCanvas, type Marker } from './UPlotCanvas';

export type HeadingLevel = 2 | 3 | 4;

export interface TrafficChartProps {
  spec: ChartSpec;
  xs: readonly number[];
  bucketS: number;
  durationS: number;
  markers: readonly Marker[];
  actionsIn: ReadonlyMap<number, readonly string[]>;
  selectedIndex: number | null;
  onPick?: (index: number) => void;
  dark: boolean;
  headingLevel: HeadingLevel;
}

const CHART_HEIGHT = 200;

function Swatch({ line, dark }: { line: LineSpec; dark: boolean }) {
  return (
    <svg width="24" height="10" aria-hidden="true" className="shrink-0">
      <line x1="0" y1="5" x2="24" y2="5" stroke={toneOf(line.tone, dark)} strokeWidth={line.theory ? 2 : 2.5} strokeDasharray={line.theory ? THEORY_DASH.join(' ') : undefined} />
    </svg>
  );
}

export function TrafficChart({ spec, xs, bucketS, durationS, markers, actionsIn, selectedIndex, onPick, dark, headingLevel }: TrafficChartProps) {
  const [measure, { width }] = useElementSize<HTMLDivElement>();
  const Heading = `h${headingLevel}` as const;
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="min-w-0 rounded-lg border border-slate-200 bg-white p-3 dark:border-slate-700 dark:bg-slate-900">
      <Heading id={headingId} className="text-base font-semibold">
        {spec.title}
      </Heading>
      <p className="mt-0.5 text-sm text-slate-700 dark:text-slate-300">{spec.description}</p>
      {spec.note ? <p className="mt-1 text-sm font-medium">{spec.note}</p> : null}
      <ul aria-label={`Lines of ${spec.title}`} className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-sm">
        {spec.lines.map((line) => (
          <li key={line.id} className="flex items-center gap-1.5">
            <Swatch line={line} dark={dark} />
            <span>
              {line.label}
              {line.axis === 'right' ? <span className="text-slate-600 dark:text-slate-400"> (right axis)</span> : null}
            </span>
          </li>
        ))}
      </ul>
      <div ref={measure} role="img" aria-label={`Chart of ${spec.title.toLowerCase()} over the run; the table below holds the same figures.`} className="mt-2 text-slate-600 dark:text-slate-300" style={{ minHeight: CHART_HEIGHT }}>
        <UPlotCanvas spec={spec} xs={xs} bucketS={bucketS} durationS={durationS} markers={markers} selectedIndex={selectedIndex} onPick={onPick} width={Math.floor(width)} height={CHART_HEIGHT} dark={dark} />
      </div>
      <ChartTable spec={spec} xs={xs} bucketS={bucketS} actionsIn={actionsIn} selectedIndex={selectedIndex} onPick={onPick} />
    </section>
  );
}
