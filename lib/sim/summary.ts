/** Aggregates over a run: counts, latency percentiles, ratios. */
import type { Counters } from './context';
import type { Recorder } from './recorder';
import type { LatencyPercentiles, SimSummary } from './types';

/** Nearest-rank percentile (the usual definition for latency SLOs). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))] ?? 0;
}

export function percentiles(values: readonly number[]): LatencyPercentiles {
  const sorted = [...values].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99) };
}

export function summarise(recorder: Pick<Recorder, 'count' | 'endMs'>, counters: Counters, latencies: readonly number[], errors: number): SimSummary {
  return {
    events: recorder.count,
    requests: latencies.length,
    errors,
    errorRate: latencies.length ? errors / latencies.length : 0,
    latency: percentiles(latencies),
    cacheHitRatio: counters.cacheLookups ? counters.cacheHits / counters.cacheLookups : 0,
    originRequests: counters.originRequests,
    dbQueries: counters.dbQueries,
    thirdPartyCalls: counters.thirdPartyCalls,
    retries: counters.retries,
    durationMs: Math.round(recorder.endMs * 1000) / 1000,
  };
}
