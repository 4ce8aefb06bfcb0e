/**
 * The traffic presets of CloudFront at scale set causes only; what they show is derived. These tests hold each to its
 * story: a burst at the origin after an invalidation that Origin Shield shrinks; stale copies standing in for an origin
 * that fails, as long as the origin allowed it.
 */
import { describe, expect, it } from 'vitest';
import { applyChanges, scenarioForPreset, TRAFFIC_PRESETS } from '@/lib/scenario/presets';
import { decodeLink, encodeLink } from '@/lib/scenario/url-codec';
import { runTrafficSync } from './index';
import type { SeriesPoint } from './metrics';

const preset = (id: string, changes: Parameters<typeof applyChanges>[1] = {}) => runTrafficSync(applyChanges(scenarioForPreset(id)!, changes));
const mean = (points: readonly SeriesPoint[], pick: (p: SeriesPoint) => number) => points.reduce((sum, p) => sum + pick(p), 0) / points.length;
const during = (series: readonly SeriesPoint[], from: number, to: number) => series.filter((p) => p.t >= from && p.t < to);

describe('the traffic presets', () => {
  it('are traffic runs a link reaches by preset=<id>, and written back that way', () => {
    for (const { id } of TRAFFIC_PRESETS) {
      const decoded = decodeLink(`preset=${id}`);
      expect(decoded.notices, id).toEqual([]);
      expect(decoded.preset).toBe(id);
      expect(decoded.scenario.mode).not.toBe('single');
      expect(encodeLink(decoded.scenario, undefined, id)).toBe(`preset=${id}&v=1`);
    }
  });
});

describe('thundering-herd', () => {
  // The preset's run is the heaviest here; both tests read the one run.
  let run: ReturnType<typeof preset> | null = null;
  const plainRun = () => (run ??= preset('thundering-herd'));

  it('sends a burst of misses to the origin once the invalidation reaches the edge locations, and the tail waits for it', () => {
    const { series, summary } = plainRun();
    // The invalidation is created at 30 s and reaches every edge location 5 s later.
    const before = mean(during(series, 25, 35), (p) => p.originRps);
    const burst = during(series, 35, 36)[0]!;
    expect(burst.originRps).toBeGreaterThan(3 * before);
    expect(burst.hitRatio).toBeLessThan(0.3);
    // One pod cannot keep up: the 99th percentile climbs for seconds after the burst.
    expect(Math.max(...during(series, 36, 45).map((p) => p.p99 ?? 0))).toBeGreaterThan(4 * Math.max(...during(series, 25, 35).map((p) => p.p99 ?? 0)));
    expect(summary.cdn).toEqual({ edgeLocations: 4 });
  });

  it('shrinks with Origin Shield, which collapses the edge locations’ misses into about one origin request per object', () => {
    const plain = plainRun();
    const shielded = preset('thundering-herd', { cdn: { originShield: true } });
    expect(shielded.summary.originRequests).toBeLessThan(0.6 * plain.summary.originRequests);
    expect(shielded.summary.latency.p99).toBeLessThan(plain.summary.latency.p99 / 2);
    expect(during(shielded.series, 35, 36)[0]!.originRps).toBeLessThan(during(plain.series, 35, 36)[0]!.originRps);
  });
});

describe('stale-if-error', () => {
  const outage = (series: readonly SeriesPoint[]) => during(series, 31, 50);

  it('keeps answering from expired copies while the app fails', () => {
    const { series, summary } = preset('stale-if-error');
    expect(summary.errorRate).toBeLessThan(0.01);
    expect(mean(outage(series), (p) => p.errorRate ?? 0)).toBeLessThan(0.02);
  });

  it('asks the failing origin about each object at most once per error caching minimum TTL (10 s)', () => {
    const { series } = preset('stale-if-error');
    // 200 objects, each asked for at most once every 10 s while its copy (or its cached error) stands in: over the
    // 18 s from 31 s to 49 s, at most floor(18 / 10) + 1 = 2 origin requests per object. Asking on every request
    // would make it about 85 a second.
    const asked = outage(series).reduce((sum, p) => sum + p.originRps, 0);
    expect(asked).toBeLessThanOrEqual(200 * 2);
    expect(asked).toBeGreaterThan(0);
  });

  it('passes the outage on when the origin forbids stale copies (must-revalidate), or allowed them only briefly', () => {
    const strict = preset('stale-if-error', { cache: { cacheControl: 'public, max-age=5, must-revalidate' } });
    expect(strict.summary.errorRate).toBeGreaterThan(0.25);
    expect(mean(outage(strict.series), (p) => p.errorRate ?? 0)).toBeGreaterThan(0.9);
    // stale-if-error=10: copies more than 10 s past expiry may not stand in, so the errors come a few seconds in.
    const brief = preset('stale-if-error', { cache: { cacheControl: 'public, max-age=5, stale-if-error=10' } });
    expect(mean(during(brief.series, 31, 36), (p) => p.errorRate ?? 0)).toBeLessThan(0.1);
    expect(mean(during(brief.series, 45, 50), (p) => p.errorRate ?? 0)).toBeGreaterThan(0.9);
  });
});
