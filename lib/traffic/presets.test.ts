/**
 * The traffic presets tell their story from causes alone: a link names the preset, the timeline sets the faults,
 * and the run shows what follows.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO } from '@/lib/scenario/defaults';
import { PRESETS, TRAFFIC_PRESETS } from '@/lib/scenario/presets';
import { decodeLink, encodeLink } from '@/lib/scenario/url-codec';
import { runTrafficSync } from './index';

function byLink(link: string) {
  const { scenario, notices } = decodeLink(link);
  expect(notices).toEqual([]);
  return scenario;
}

describe('the traffic presets', () => {
  it('are reachable by link, round-trip, and stay out of the single-request menu', () => {
    for (const preset of TRAFFIC_PRESETS) {
      const scenario = byLink(`preset=${preset.id}`);
      expect(scenario.mode).not.toBe('single');
      expect(encodeLink(scenario, undefined, preset.id)).toBe(`preset=${preset.id}&v=1`);
      expect(PRESETS.some((p) => p.id === preset.id)).toBe(false);
      // Causes only: what the run shows is not written into the preset.
      expect(Object.keys(preset.changes).every((key) => key in DEFAULT_SCENARIO)).toBe(true);
    }
  });

  it('retry-storm: once the database is slow, every visit becomes nine queries, and the retry quota caps it', () => {
    const storm = runTrafficSync(byLink('preset=retry-storm'));
    const during = storm.series.filter((p) => p.t >= 35 && p.t < 50);
    const sum = (key: 'dbCallsPerS' | 'browserCallsPerS') => during.reduce((total, p) => total + p[key], 0);
    // The browser's tries are three times the visits; the app's are three times the browser's.
    expect(sum('dbCallsPerS') / sum('browserCallsPerS')).toBeCloseTo(3, 0);
    expect(during.every((p) => p.poolInUse === 30)).toBe(true);
    const capped = runTrafficSync(byLink('preset=retry-storm&retryQuota=on'));
    expect(capped.summary.calls.db).toBeLessThan(storm.summary.calls.db * 0.6);
    expect(capped.summary.retriesDenied).toBeGreaterThan(0);
  });

  it('payments-breaker: the breakers open, the dead API sees only trial calls, and nobody gets an error', () => {
    const { summary, series } = runTrafficSync(byLink('preset=payments-breaker'));
    expect(summary.errorRate).toBe(0);
    const outage = series.filter((p) => p.t >= 25 && p.t < 80);
    expect(outage.every((p) => p.breakersOpen === 3)).toBe(true);
    // One trial per pod at about 50 s, 30 s after each opened; the next, at about 80 s, finds it back.
    expect(outage.reduce((total, p) => total + p.paymentsCallsPerS, 0)).toBe(3);
    expect(series.filter((p) => p.t >= 85).every((p) => p.breakersOpen === 0 && p.fallbacksPerS === 0)).toBe(true);
    const without = runTrafficSync(byLink('preset=payments-breaker&breaker=off&fallback=none'));
    expect(without.summary.errorRate).toBeGreaterThan(0.1);
  });
});
