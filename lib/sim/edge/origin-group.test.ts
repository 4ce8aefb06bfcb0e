/**
 * Origin groups (CloudFront Developer Guide, "Optimize high availability with CloudFront origin failover"): failover on
 * the chosen status codes, or on a failed connection or a timeout; for GET, HEAD and OPTIONS only; every request tries
 * the primary first.
 */
import { describe, expect, it } from 'vitest';
import { METHODS, type FailoverStatusCode, type HttpMethod } from '@/lib/scenario/schema';
import { runScenario } from '@/lib/sim';
import { createContext } from '@/lib/sim/context';
import type { HttpResponse } from '@/lib/sim/http';
import type { Task } from '@/lib/sim/kernel/kernel';
import { TraceRecorder } from '@/lib/sim/recorder';
import { scenarioWith } from '@/lib/testing/scenario';
import { runTrafficSync } from '@/lib/traffic';
import { failoverCriteria, throughOriginGroup } from './origin-group';
import { SECONDARY_ORIGINS } from './secondary-origin';

type Changes = Parameters<typeof scenarioWith>[0];

const single = (changes: Changes) => runScenario(scenarioWith({ cache: { state: 'off' }, ...changes }));
const failovers = (result: ReturnType<typeof single>) => result.events.filter((e) => e.kind === 'origin-failover');

/** Runs the origin group alone: a primary that answers `primaryStatus` (null: no answer), a secondary that answers 200. */
function group(method: HttpMethod, primaryStatus: number | null, codes: readonly FailoverStatusCode[] = ['500', '502', '503', '504']): { status: number | null; secondaryAsked: boolean } {
  const ctx = createContext(scenarioWith({}), new TraceRecorder());
  const answer = (status: number): HttpResponse => ({ status, headers: {}, body: null, origin: 'app' });
  let secondaryAsked = false;
  const primary = function* (): Task<HttpResponse | null> {
    return primaryStatus === null ? null : answer(primaryStatus);
  };
  const secondary = function* (): Task<HttpResponse | null> {
    secondaryAsked = true;
    return answer(200);
  };
  const req = { requestId: 'r1', attempt: 1, method, path: '/api/profile', query: '', body: null, headers: {} };
  let status: number | null = -1;
  ctx.kernel.spawn(throughOriginGroup(ctx, failoverCriteria(codes), req, primary, secondary), (res) => {
    status = res?.status ?? null;
  });
  ctx.kernel.run();
  return { status, secondaryAsked };
}

describe('an origin group', () => {
  it('fails over on a chosen status code: the database is down, the primary answers 503, the standby 200', () => {
    const result = single({ db: { behaviour: 'down' }, cdn: { originGroup: true } });
    expect(result.outcome.status).toBe(200);
    expect(failovers(result)).toHaveLength(1);
    const toOrigins = result.events.filter((e) => e.kind === 'request' && e.from === 'edge' && e.to === 'alb');
    expect(toOrigins.map((e) => e.headers?.host)).toEqual([expect.stringContaining('internal-api-alb'), SECONDARY_ORIGINS.alb.host]);
    expect(result.summary.originRequests).toBe(2);
  });

  it('does not fail over on a code that is not chosen', () => {
    const result = single({ db: { behaviour: 'down' }, cdn: { originGroup: true, failoverOn: ['500'] } });
    expect(result.outcome.status).toBe(503);
    expect(failovers(result)).toEqual([]);
  });

  it('fails over when the primary does not answer in time, whatever codes are chosen', () => {
    const result = single({
      db: { behaviour: 'slow', delayMs: 40_000 },
      timeoutMs: 0,
      retry: { layers: [] },
      origin: { responseTimeoutS: 5, attempts: 1 },
      cdn: { originGroup: true, failoverOn: [] },
    });
    expect(result.outcome.status).toBe(200);
    const failover = failovers(result)[0]!;
    expect(failover.decision).toBe('failover: primary no answer → secondary');
    // The request left the edge at 82 ms and CloudFront waited its 5 s origin response timeout for the primary.
    expect(failover.t).toBe(82 + 5000);
  });

  it('fails over GET, HEAD and OPTIONS only', () => {
    const asked = Object.fromEntries(METHODS.map((m) => [m, group(m, 503).secondaryAsked]));
    expect(asked).toEqual({ GET: true, HEAD: true, OPTIONS: true, POST: false, PUT: false, PATCH: false, DELETE: false });
    expect(group('POST', 503).status).toBe(503);
    expect(group('POST', null).status).toBeNull();
  });

  it('leaves an answer that meets no criterion alone', () => {
    expect(group('GET', 200)).toEqual({ status: 200, secondaryAsked: false });
    expect(group('GET', 404)).toEqual({ status: 404, secondaryAsked: false });
    expect(group('GET', 404, ['404'])).toEqual({ status: 200, secondaryAsked: true });
    expect(group('GET', null, [])).toEqual({ status: 200, secondaryAsked: true });
  });

  it('tells why a POST gets the primary’s error', () => {
    const result = single({ request: { method: 'POST' }, db: { behaviour: 'down' }, cdn: { originGroup: true } });
    expect(result.outcome.status).toBe(503);
    expect(result.events.some((e) => e.kind === 'give-up' && e.decision === 'no failover for POST')).toBe(true);
  });

  it('sends every request to the primary first, even after many failed over', () => {
    const { summary } = runTrafficSync(
      scenarioWith({ mode: 'traffic', cache: { state: 'off' }, traffic: { rate: 50, durationS: 10, timeline: [{ atS: 0, action: 'origin-5xx' }] }, cdn: { originGroup: true } }),
    );
    expect(summary.statuses).toEqual({ '200': summary.requests });
    expect(summary.cdn?.failovers).toBe(summary.requests);
    // Each request: one try at the failing primary, one at the secondary.
    expect(summary.originRequests).toBe(2 * summary.requests);
  });

  it('is off by default', () => {
    expect(createContext(scenarioWith({}), new TraceRecorder()).world.distribution.failover).toBeNull();
    expect(scenarioWith({}).cdn.failoverOn).toEqual(['500', '502', '503', '504']);
  });
});
