'use client';

/**
 * A chart's figures as a table, behind a disclosure: one row per stretch, each line a column. The table is the
 * chart's accessible alternative and its keyboard path: each row's button picks that stretch, as a click on the
 * chart does. Its rows are built only while it is open, so a streaming run does not redraw hundreds of hidden rows.
 */
import { useState } from 'react';
import { formatSecondsAt } from '@/lib/traffic/figures';
import { formatValue, type ChartSpec, type LineSpec } from './chart-specs';

export interface ChartTableProps {
  spec: ChartSpec;
  /** Each stretch's start, in seconds. */
  xs: readonly number[];
  bucketS: number;
  /** The timeline's actions in each stretch, by the stretch's index. */
  actionsIn: ReadonlyMap<number, readonly string[]>;
  selectedIndex: number | null;
  onPick?: (index: number) => void;
}

function Cell({ spec, line, value }: { spec: ChartSpec; line: LineSpec; value: number | null | undefined }) {
  const axis = line.axis === 'right' && spec.right ? spec.right : spec.left;
  if (value === null || value === undefined) {
    return (
      <td className="px-2 py-1 text-right tabular-nums">
        <span aria-hidden="true">–</span>
        <span className="sr-only">no figure</span>
      </td>
    );
  }
  return <td className="px-2 py-1 text-right tabular-nums">{formatValue(axis.kind, value)}</td>;
}

export function ChartTable({ spec, xs, bucketS, actionsIn, selectedIndex, onPick }: ChartTableProps) {
  const [open, setOpen] = useState(false);
  const withTimeline = actionsIn.size > 0;
  return (
    <details className="mt-2 text-sm" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary className="cursor-pointer rounded px-1 py-0.5 font-medium text-blue-800 hover:underline dark:text-blue-200">
        Show the data as a table<span className="sr-only">: {spec.title}</span>
      </summary>
      {open ? (
        // Without pick buttons nothing inside takes focus: the scrolling box takes it, so a keyboard can scroll it.
        <div
          className="mt-2 max-h-80 overflow-auto rounded border border-slate-200 dark:border-slate-700"
          {...(onPick ? {} : { tabIndex: 0, role: 'region', 'aria-label': `${spec.title} as a table` })}
        >
          <table className="w-full border-collapse text-xs">
            <caption className="sr-only">
              {spec.title}, stretch by stretch of {formatSecondsAt(bucketS)}
              {onPick ? '; each stretch’s button picks a request from that moment' : ''}
            </caption>
            <thead className="sticky top-0 bg-slate-100 dark:bg-slate-800">
              <tr>
                <th scope="col" className="px-2 py-1 text-left font-semibold">
                  Stretch
                </th>
                {spec.lines.map((line) => (
                  <th key={line.id} scope="col" className="px-2 py-1 text-right font-semibold">
                    {line.label}
                  </th>
                ))}
                {withTimeline ? (
                  <th scope="col" className="px-2 py-1 text-left font-semibold">
                    On the timeline
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {xs.map((t, i) => {
                const chosen = i === selectedIndex;
                const stretch = `${formatSecondsAt(t)}–${formatSecondsAt(t + bucketS)}`;
                return (
                  <tr key={i} aria-current={chosen ? 'true' : undefined} className={`border-t border-slate-200 dark:border-slate-700 ${chosen ? 'bg-blue-100 font-semibold dark:bg-blue-950' : ''}`}>
                    <th scope="row" className="px-2 py-0.5 text-left font-normal whitespace-nowrap">
                      {onPick ? (
                        <button
                          type="button"
                          onClick={() => onPick(i)}
                          className="rounded px-1 py-0.5 text-blue-800 underline decoration-dotted underline-offset-2 hover:bg-blue-50 dark:text-blue-200 dark:hover:bg-blue-900/40"
                        >
                          <span className="sr-only">Pick</span> {stretch}
                        </button>
                      ) : (
                        stretch
                      )}
                    </th>
                    {spec.lines.map((line) => (
                      <Cell key={line.id} spec={spec} line={line} value={line.values[i]} />
                    ))}
                    {withTimeline ? <td className="px-2 py-0.5">{actionsIn.get(i)?.join(', ') ?? ''}</td> : null}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
    </details>
  );
}
