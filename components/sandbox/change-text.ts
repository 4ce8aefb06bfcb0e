/**
 * A change between two runs as a learner reads it: "356 ms → 8.29 s · attempts 1 → 3 · +4 retries".
 */
import type { Change } from '@/lib/compare/change-summary';
import { formatMs } from '@/components/ui/format';
import { CACHE_WORDS, nodeWords, statusWords } from './outcome-words';

function plural(count: number, one: string, many: string): string {
  return Math.abs(count) === 1 ? one : many;
}

/** One figure's change, or null when it reads the same once formatted (356.2 ms and 356.4 ms). */
export function changeText(change: Change): string | null {
  switch (change.kind) {
    case 'status':
      return `status ${statusWords(change.before)} → ${statusWords(change.after)}`;
    case 'latency': {
      const [before, after] = [formatMs(change.before), formatMs(change.after)];
      return before === after ? null : `${before} → ${after}`;
    }
    case 'attempts':
      return `attempts ${change.before} → ${change.after}`;
    case 'retries': {
      const delta = change.after - change.before;
      // U+2212, the minus sign, reads better than a hyphen beside a number.
      return `${delta > 0 ? '+' : '\u2212'}${Math.abs(delta)} ${plural(delta, 'retry', 'retries')}`;
    }
    case 'cache':
      return `${CACHE_WORDS[change.before]} → ${CACHE_WORDS[change.after]}`;
    case 'answeredBy':
      return `answered by ${nodeWords(change.before)} → ${nodeWords(change.after)}`;
    case 'writes':
      return `rows written ${change.before} → ${change.after}`;
    case 'charges':
      return `charges ${change.before} → ${change.after}`;
  }
}

/** Every change, joined; empty when nothing a learner can see has changed. */
export function changeSummaryText(changes: readonly Change[]): string {
  return changes
    .map(changeText)
    .filter((text): text is string => text !== null)
    .join(' · ');
}
