import { describe, expect, it } from 'vitest';
import { scenarioWith } from '@/lib/testing/scenario';
import { cloudFrontTtl } from './cache/cloudfront-ttl';
import { runScenario } from './run';
import { BROWSER_IP, EDGE_IP } from './site';
import type { SimResult } from './types';

const DEFAULT_TTLS = { minTtl: 0, defaultTtl: 86_400, maxTtl: 31_536_000 };
const toBrowser = (r: SimResult) => r.events.filter((e) => e.kind === 'response' && e.to === 'browser' && e.requestId === 'r1').at(-1)!;

describe('cache and header details', () => {
  it('treats an invalid max-age as stale at once, never as "no header" kept for a day (RFC 9111 §4.2.1)', () => {
    for (const value of ['-1', 'soon', '1.5']) {
      const decision = cloudFrontTtl({ 'cache-control': `public, max-age=${value}` }, DEFAULT_TTLS);
      expect(decision.ttlSeconds).toBe(0);
      expect(decision.reason).toContain('invalid max-age');
    }
    expect(cloudFrontTtl({ 'cache-control': 'max-age=-1' }, { ...DEFAULT_TTLS, minTtl: 30 }).ttlSeconds).toBe(30);
  });

  it('serves stale on an origin failure inside the stale-if-error window, and the error after it', () => {
    // The scenario's stale copy expired 15 s ago.
    const inside = runScenario(scenarioWith({ cache: { state: 'stale', cacheControl: 'max-age=60, stale-if-error=30' }, db: { behaviour: 'down' } }));
    expect(inside.outcome.status).toBe(200);
    expect(inside.events.find((e) => e.decision?.startsWith('origin') && e.kind === 'cache-stale')?.narration).toContain('stale-if-error=30');
    const beyond = runScenario(scenarioWith({ cache: { state: 'stale', cacheControl: 'max-age=60, stale-if-error=10' }, db: { behaviour: 'down' }, retry: { layers: ['db'] } }));
    expect(beyond.outcome.status).toBeGreaterThanOrEqual(500);
    expect(beyond.events.find((e) => e.kind === 'cache-miss' && e.decision?.startsWith('no stale copy'))?.narration).toContain('RFC 5861');
  });

  it("names CloudFront's own default when no directive decides", () => {
    const result = runScenario(scenarioWith({ cache: { state: 'stale' }, db: { behaviour: 'down' } }));
    expect(result.events.find((e) => e.kind === 'cache-stale' && e.decision?.startsWith('origin'))?.narration).toContain('documented default');
  });

  it('says Error from cloudfront on every 4xx and 5xx the edge returns, even one it did not cache', () => {
    const result = runScenario(scenarioWith({ db: { behaviour: 'down' }, cache: { state: 'off' }, retry: { layers: [] } }));
    expect(result.outcome.status).toBe(503);
    expect(toBrowser(result).headers?.['x-cache']).toBe('Error from cloudfront');
  });

  it("puts the viewer's address first in X-Forwarded-For, then each proxy's", () => {
    const result = runScenario(scenarioWith({}));
    const toAlb = result.events.find((e) => e.kind === 'request' && e.to === 'alb')!;
    const toWeb = result.events.find((e) => e.kind === 'request' && e.to === 'web')!;
    expect(toAlb.headers?.['x-forwarded-for']).toBe(BROWSER_IP);
    expect(toWeb.headers?.['x-forwarded-for']).toBe(`${BROWSER_IP}, ${EDGE_IP}`);
  });

  it('names the same protocol version and edge server in Via both ways', () => {
    const result = runScenario(scenarioWith({}));
    const toOrigin = result.events.find((e) => e.kind === 'request' && e.to === 'alb')!.headers!.via;
    expect(toBrowser(result).headers?.via).toBe(toOrigin);
    expect(toOrigin).toMatch(/^1\.1 [0-9a-f]{32}\.cloudfront\.net \(CloudFront\)$/);
  });
});
