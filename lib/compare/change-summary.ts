/**
 * What changed between two runs, figure by figure: the outcome banner's headline facts, in the order a
 * learner reads them (the banner itself shows the rest). Only figures that differ are listed; formatting is
 * the component's business.
 */
import type { CacheOutcome, NodeId, SimResult } from '@/lib/sim';

type Pair<K extends string, T> = { kind: K; before: T; after: T };

export type Change =
  | Pair<'status', number | null>
  | Pair<'latency', number>
  | Pair<'attempts', number>
  | Pair<'retries', number>
  | Pair<'cache', CacheOutcome>
  | Pair<'answeredBy', NodeId | null>
  | Pair<'writes', number>
  | Pair<'charges', number>;

/** Latencies closer than this are the same to a reader (the banner shows tenths of a millisecond at most). */
const SAME_MS = 0.05;

export function outcomeChanges(before: SimResult, after: SimResult): Change[] {
  const a = before.outcome;
  const b = after.outcome;
  const changes: Change[] = [];
  if (a.status !== b.status) changes.push({ kind: 'status', before: a.status, after: b.status });
  if (Math.abs(a.latencyMs - b.latencyMs) >= SAME_MS) changes.push({ kind: 'latency', before: a.latencyMs, after: b.latencyMs });
  if (a.attempts !== b.attempts) changes.push({ kind: 'attempts', before: a.attempts, after: b.attempts });
  if (before.summary.retries !== after.summary.retries) changes.push({ kind: 'retries', before: before.summary.retries, after: after.summary.retries });
  if (a.cache !== b.cache) changes.push({ kind: 'cache', before: a.cache, after: b.cache });
  if (a.answeredBy !== b.answeredBy) changes.push({ kind: 'answeredBy', before: a.answeredBy, after: b.answeredBy });
  if (a.writesCommitted !== b.writesCommitted) changes.push({ kind: 'writes', before: a.writesCommitted, after: b.writesCommitted });
  if (a.chargesMade !== b.chargesMade) changes.push({ kind: 'charges', before: a.chargesMade, after: b.chargesMade });
  return changes;
}
