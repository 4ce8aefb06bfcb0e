import type { ReactNode } from 'react';
import { Explained } from './Explained';

/**
 * One figure of a summary, as a term and its value in a `<dl>`: the term explains itself on hover, focus or tap.
 * Digits are tabular so a figure that changes does not shift the ones beside it.
 */
export function ExplainedFigure({ term, explanation, children }: { term: string; explanation: string; children: ReactNode }) {
  return (
    <div className="flex gap-1.5">
      <dt className="text-slate-700 dark:text-slate-300">
        <Explained term={term}>{explanation}</Explained>
      </dt>
      <dd className="font-semibold tabular-nums">{children}</dd>
    </div>
  );
}
