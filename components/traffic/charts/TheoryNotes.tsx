'use client';

/**
 * Theory beside the run, in words: for each theory line, which formula applies and why, and where and why the
 * simulation parts from it; then Little's law at both stations, as a table, once the run's summary is in.
 */
import { useId } from 'react';
import { formatMs } from '@/lib/format-ms';
import type { TrafficSummary } from '@/lib/traffic';
import { formatAmount, formatPercent } from '@/lib/traffic/figures';
import { littlesLaw, type TheoryLine } from '@/lib/traffic/theory-lines';
import type { HeadingLevel } from './TrafficChart';

export interface TheoryNotesProps {
  theory: readonly TheoryLine[];
  summary?: TrafficSummary;
  headingLevel: HeadingLevel;
}

/** Lines that share their words (the pool's two) are told once. */
function grouped(theory: readonly TheoryLine[]): { labels: string[]; model: string; parting: string }[] {
  const groups: { labels: string[]; model: string; parting: string }[] = [];
  for (const line of theory) {
    const same = groups.find((g) => g.model === line.model && g.parting === line.parting);
    if (same) same.labels.push(line.label);
    else groups.push({ labels: [line.label], model: line.model, parting: line.parting });
  }
  return groups;
}

export function TheoryNotes({ theory, summary, headingLevel }: TheoryNotesProps) {
  const Heading = `h${headingLevel}` as const;
  const little = summary ? littlesLaw(summary) : null;
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="space-y-3 text-sm">
      <Heading id={headingId} className="text-base font-semibold">
        Theory beside the run
      </Heading>
      <p className="text-slate-700 dark:text-slate-300">Dashed lines on the charts are what a formula predicts. Where the run parts from them is the point: each note says why.</p>
      {grouped(theory).map((g) => (
        <div key={g.labels.join()} className="space-y-1">
          <p className="font-medium">{g.labels.join(' and ')}</p>
          <p>{g.model}</p>
          <p className="text-slate-700 dark:text-slate-300">{g.parting}</p>
        </div>
      ))}
      {little ? (
        <div className="space-y-1">
          {/* Focusable, so a keyboard can scroll it on a phone, where it is wider than the screen. */}
          <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="Little’s law at each station">
            <table className="border-collapse text-xs">
              <caption className="pb-1 text-left text-sm font-medium">Little’s law, L = λW, at each station over the summary’s window</caption>
              <thead className="bg-slate-100 dark:bg-slate-800">
                <tr>
                  <th scope="col" className="px-2 py-1 text-left">Station</th>
                  <th scope="col" className="px-2 py-1 text-right">Arrivals a second (λ)</th>
                  <th scope="col" className="px-2 py-1 text-right">Time inside (W)</th>
                  <th scope="col" className="px-2 py-1 text-right">λ × W</th>
                  <th scope="col" className="px-2 py-1 text-right">Measured L</th>
                  <th scope="col" className="px-2 py-1 text-right">Gap</th>
                </tr>
              </thead>
              <tbody>
                {little.rows.map((row) => (
                  <tr key={row.station} className="border-t border-slate-200 dark:border-slate-700">
                    <th scope="row" className="px-2 py-1 text-left font-normal">{row.name}</th>
                    <td className="px-2 py-1 text-right tabular-nums">{formatAmount(row.arrivalRate)}</td>
                    <td className="px-2 py-1 text-right tabular-nums">{formatMs(row.meanInSystemMs)}</td>
                    <td className="px-2 py-1 text-right tabular-nums">{row.predicted.toFixed(3)}</td>
                    <td className="px-2 py-1 text-right tabular-nums">{row.measured.toFixed(3)}</td>
                    <td className="px-2 py-1 text-right tabular-nums">{formatPercent(row.gap, 2)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="text-slate-700 dark:text-slate-300">{little.note}</p>
        </div>
      ) : null}
    </section>
  );
}
