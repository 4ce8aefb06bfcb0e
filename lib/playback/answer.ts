/**
 * The two moments that end a run: when the learner's answer arrived, and when the last work finished.
 * They differ when servers go on working after their callers stopped waiting (events of kind `orphaned`).
 */
import type { SimEvent, SimResult } from '@/lib/sim';

export interface Ending {
  /** When the learner's browser had its answer (`outcome.latencyMs`). */
  answerAt: number;
  /** The leg that brought the answer to the browser, if one did. */
  answerEvent: SimEvent | null;
  /** When the last work ended, read or not (`outcome.workEndedAtMs`). */
  workEndedAt: number;
  /**
   * Whether servers went on working, unread, after the answer arrived. The browser drawing the page and
   * fetching its images after the answer is the learner's own work, not this.
   */
  workAfterAnswer: boolean;
}

export function endingOf(result: SimResult): Ending {
  const { latencyMs, workEndedAtMs } = result.outcome;
  const answerEvent =
    result.events.findLast((e) => e.to === 'browser' && e.from !== 'browser' && e.leg !== undefined && Math.abs(e.t + e.durationMs - latencyMs) < 1e-6) ?? null;
  const unreadAfterAnswer = result.events.some((e) => e.kind === 'orphaned' && e.t > latencyMs);
  return { answerAt: latencyMs, answerEvent, workEndedAt: workEndedAtMs, workAfterAnswer: unreadAfterAnswer };
}
