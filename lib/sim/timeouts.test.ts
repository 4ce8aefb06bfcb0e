import { describe, expect, it } from 'vitest';
import { scenarioWith } from '@/lib/testing/scenario';
import { runScenario } from './run';
import { PROXIES } from './topology';
import type { SimResult } from './types';

/** A query that outlasts every proxy, with no app deadline and no retries of our own: only the proxies' timeouts can end it. */
const hung = { db: { behaviour: 'slow' as const, delayMs: 400_000 }, timeoutMs: 0, cache: { state: 'off' as const }, retry: { layers: [] } };
const lastToBrowser = (r: SimResult) => r.events.filter((e) => e.kind === 'response' && e.to === 'browser').at(-1)!;

describe("CloudFront's origin timeouts and attempts", () => {
  it('tries a timed-out GET up to its connection attempts, so the 504 comes after attempts × timeout, and the origin sees every try', () => {
    const result = runScenario(scenarioWith(hung));
    expect(result.outcome.status).toBe(504);
    expect(result.outcome.answeredBy).toBe('edge');
    expect(result.events.filter((e) => e.kind === 'timeout' && e.from === 'edge')).toHaveLength(3);
    expect(result.summary.originRequests).toBe(3);
    expect(result.summary.dbQueries).toBe(3);
    expect(result.outcome.latencyMs).toBeGreaterThan(3 * 30_000);
    expect(result.outcome.latencyMs).toBeLessThan(3 * 30_000 + 1000);
  });

  it('gives any other method one try', () => {
    const result = runScenario(scenarioWith({ ...hung, request: { method: 'PUT' } }));
    expect(result.summary.originRequests).toBe(1);
    expect(result.events.find((e) => e.kind === 'give-up' && e.from === 'edge')?.decision).toBe('no origin retry for PUT');
  });

  it('follows the knobs: one attempt, a shorter timeout', () => {
    const result = runScenario(scenarioWith({ ...hung, origin: { attempts: 1, responseTimeoutS: 5 } }));
    expect(result.summary.originRequests).toBe(1);
    expect(result.outcome.latencyMs).toBeGreaterThan(5000);
    expect(result.outcome.latencyMs).toBeLessThan(6000);
  });

  it("lets the ALB's idle timeout fire first when CloudFront waits longer, with the load balancer's own 504", () => {
    const result = runScenario(scenarioWith({ ...hung, origin: { responseTimeoutS: 120 } }));
    expect(result.outcome.status).toBe(504);
    expect(result.outcome.answeredBy).toBe('alb');
    expect(lastToBrowser(result).headers?.server).toBe('awselb/2.0');
    expect(lastToBrowser(result).headers?.['x-cache']).toBe('Error from cloudfront');
  });

  it("lets Nginx's proxy_read_timeout fire first when it is the shortest, with Nginx's own page", () => {
    const result = runScenario(scenarioWith({ ...hung, proxy: { readTimeoutS: 5 } }));
    expect(result.outcome.answeredBy).toBe('web');
    expect(lastToBrowser(result).headers?.server).toBe('nginx');
    expect(result.outcome.latencyMs).toBeLessThan(6000);
  });

  it('gives up on a connection that is not open within the connection timeout, and tries again', () => {
    const result = runScenario(scenarioWith({ connections: 'cold', cache: { state: 'off' }, origin: { connectTimeoutS: 1 }, latency: { edgeOriginRttMs: 2000 }, retry: { layers: [] } }));
    expect(result.outcome.status).toBe(504);
    expect(result.events.filter((e) => e.decision === 'origin connection timeout 1 s')).toHaveLength(3);
    expect(result.outcome.hops).not.toContain('app');
  });
});

describe('work goes on after the caller leaves', () => {
  it('keeps the app and its query running after CloudFront gives up, and says nobody will read the answer', () => {
    const result = runScenario(scenarioWith({ db: { behaviour: 'slow', delayMs: 45_000 }, timeoutMs: 0, cache: { state: 'off' }, retry: { layers: [] } }));
    expect(result.outcome.status).toBe(504);
    const afterAnswer = result.events.filter((e) => e.t > result.outcome.latencyMs);
    expect(afterAnswer.some((e) => e.kind === 'db-result' || e.kind === 'orphaned')).toBe(true);
    expect(result.events.some((e) => e.kind === 'orphaned' && /nobody will read/.test(e.narration))).toBe(true);
    // Only servers finish unread: the proxies (PROXIES, which the waterfall relies on) left with their client.
    const unread = result.events.filter((e) => e.kind === 'orphaned');
    expect(unread.length).toBeGreaterThan(0);
    expect(unread.filter((e) => PROXIES.has(e.from))).toEqual([]);
  });

  it("keeps the app's own retries going after the edge left", () => {
    const result = runScenario(scenarioWith({ db: { behaviour: 'slow', delayMs: 20_000 }, timeoutMs: 15_000, cache: { state: 'off' }, retry: { layers: ['db'] }, origin: { attempts: 1 } }));
    const edgeGaveUp = result.events.find((e) => e.kind === 'timeout' && e.from === 'edge')!;
    expect(result.events.some((e) => e.kind === 'retry' && e.from === 'app' && e.t > edgeGaveUp.t)).toBe(true);
  });

  it("honours Retry-After: the browser waits the app's 1 s, not its own shorter backoff", () => {
    const result = runScenario(scenarioWith({ db: { behaviour: 'down' }, cache: { state: 'off' }, retry: { layers: ['browser'] } }));
    const wait = result.events.find((e) => e.kind === 'retry-wait' && e.from === 'browser')!;
    expect(wait.waitMs).toBe(1000);
    expect(wait.decision).toContain('Retry-After');
    expect(wait.narration).toMatch(/Retry-After asked/);
  });

  it('caps a long Retry-After at the policy cap', () => {
    const result = runScenario(scenarioWith({ db: { behaviour: 'down' }, cache: { state: 'off' }, retry: { layers: ['browser'], capMs: 400 } }));
    expect(result.events.find((e) => e.kind === 'retry-wait' && e.from === 'browser')!.waitMs).toBeLessThanOrEqual(400);
  });

  it("has the app's payments client honour the payments API's Retry-After", () => {
    const result = runScenario(scenarioWith({ thirdParty: { behaviour: 'error' }, cache: { state: 'off' }, retry: { layers: ['thirdparty'] } }));
    const waits = result.events.filter((e) => e.kind === 'retry-wait' && e.from === 'app');
    expect(waits.length).toBeGreaterThan(0);
    for (const w of waits) expect(w.waitMs).toBeGreaterThanOrEqual(1000);
  });
});

describe('the connection pool', () => {
  it('keeps a connection busy while an abandoned query runs, and gives it back when the answer arrives', () => {
    // Slow 4 s queries, a 2 s app deadline, three tries: the first query still runs when the second starts.
    const result = runScenario(scenarioWith({ db: { behaviour: 'slow', delayMs: 4000 }, cache: { state: 'off' }, retry: { layers: ['db'] } }));
    const acquired = result.events.filter((e) => e.kind === 'pool-acquire').map((e) => e.detail?.inUse);
    const orphans = result.events.filter((e) => e.kind === 'orphaned' && e.from === 'db').map((e) => e.t);
    const starts = result.events.filter((e) => e.kind === 'pool-acquire').map((e) => e.t);
    expect(acquired).toHaveLength(3);
    // Each try finds busy exactly the earlier queries whose answers have not come back yet.
    acquired.forEach((inUse, i) => expect(inUse).toBe(1 + orphans.filter((t, j) => j < i && t > starts[i]!).length));
    expect(acquired).toEqual([1, 2, 2]);
  });
});

