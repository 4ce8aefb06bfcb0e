'use client';

/**
 * After a condition changes, what that did to the outcome: "356 ms → 8.29 s · attempts 1 → 3 · +4 retries".
 * Worked out from the run before and the run now (both derived from scenarios the store keeps), and spoken
 * politely by screen readers, so cause and effect arrive together.
 */
import { useMemo } from 'react';
import { outcomeChanges } from '@/lib/compare/change-summary';
import { resultFor } from '@/lib/store/derived';
import { changeSummaryText } from './change-text';
import { useResult, useSandbox } from './store-context';

export function ChangeSummary() {
  const previous = useSandbox((s) => s.previous);
  const result = useResult();
  const text = useMemo(() => (previous ? changeSummaryText(outcomeChanges(resultFor(previous), result)) : null), [previous, result]);
  return (
    // The live region is always present, so a new summary is announced.
    <p role="status" aria-label="What changed" className={text === null ? 'sr-only' : 'text-sm text-slate-800 dark:text-slate-200'}>
      {text === null ? null : (
        <>
          <span className="text-slate-700 dark:text-slate-300">Since your last change: </span>
          <span className="font-medium">{text || 'the outcome is the same.'}</span>
        </>
      )}
    </p>
  );
}
