/** A stretch of a traffic run's series for tests: a quiet, healthy second, with whatever the test is about changed. */
import type { SeriesPoint } from '@/lib/traffic/metrics';

export function stretchAt(t: number, changes: Partial<SeriesPoint> = {}): SeriesPoint {
  return {
    t,
    rps: 50,
    errorRate: 0,
    p50: 21,
    p95: 100,
    p99: 180,
    hitRatio: null,
    originRps: 10,
    poolInUse: 0.3,
    poolWaiting: 0,
    retriesPerS: 0,
    browserCallsPerS: 50,
    dbCallsPerS: 10,
    paymentsCallsPerS: 10,
    rejectedPerS: 0,
    fallbacksPerS: 0,
    breakersOpen: 0,
    botRps: 0,
    wafStoppedPerS: 0,
    synPps: 0,
    appUtilization: 0.1,
    appQueue: 0,
    deniedPerS: 0,
    slowestId: null,
    slowestMs: null,
    typicalId: null,
    arrivedId: null,
    ...changes,
  };
}
