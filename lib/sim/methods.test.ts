import { describe, expect, it } from 'vitest';
import { scenarioWith } from '@/lib/testing/scenario';
import { runScenario } from './run';
import type { SimEvent, SimResult } from './types';

const toBrowser = (r: SimResult): SimEvent => r.events.filter((e) => e.kind === 'response' && e.to === 'browser' && e.requestId === 'r1').at(-1)!;
const statements = (r: SimResult): string[] => r.events.filter((e) => e.kind === 'db-query').map((e) => e.decision ?? '');

describe('each method runs its own handler (RFC 9110 §9.3)', () => {
  it('answers 201 only to a POST, which inserts a row and charges the card', () => {
    const statuses = Object.fromEntries(
      (['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const).map((method) => [method, runScenario(scenarioWith({ request: { method } })).outcome.status]),
    );
    expect(statuses).toEqual({ GET: 200, POST: 201, PUT: 200, PATCH: 200, DELETE: 204 });
    const post = runScenario(scenarioWith({ request: { method: 'POST' } }));
    expect(statements(post)[0]).toMatch(/^INSERT INTO orders/);
    expect(post.outcome).toMatchObject({ writesCommitted: 1, chargesMade: 1 });
    expect(toBrowser(post).headers?.location).toBe('/api/orders/9001');
  });

  it('replaces with PUT by key, changes part with PATCH and removes with DELETE, charging nothing', () => {
    expect(statements(runScenario(scenarioWith({ request: { method: 'PUT' } })))[0]).toContain('ON CONFLICT (id) DO UPDATE');
    expect(statements(runScenario(scenarioWith({ request: { method: 'PATCH' } })))[0]).toContain('quantity = quantity + 1');
    const del = runScenario(scenarioWith({ request: { method: 'DELETE' } }));
    expect(statements(del)[0]).toMatch(/^DELETE FROM orders/);
    expect(del.outcome.chargesMade).toBe(0);
    expect(del.summary.thirdPartyCalls).toBe(0);
  });

  it('answers an OPTIONS preflight without touching the database or the payments API', () => {
    const result = runScenario(scenarioWith({ request: { method: 'OPTIONS' } }));
    expect(result.outcome.status).toBe(204);
    expect(result.summary.dbQueries).toBe(0);
    expect(result.summary.thirdPartyCalls).toBe(0);
    expect(result.outcome.hops).not.toContain('db');
    expect(toBrowser(result).headers?.['access-control-allow-methods']).toContain('DELETE');
  });

  it('answers a HEAD with the headers of a GET and no body, and never stores it under the GET key', () => {
    const head = runScenario(scenarioWith({ request: { method: 'HEAD' } }));
    expect(head.outcome.status).toBe(200);
    expect(toBrowser(head).headers?.['content-length']).toBeDefined();
    expect(head.events.find((e) => e.kind === 'cache-store')?.decision).toBe('not stored: HEAD response has no body');
    expect(head.events.filter((e) => e.kind === 'render').every((e) => !/JSON parsed/.test(e.decision ?? ''))).toBe(true);
    // A stored GET answers a HEAD from the edge.
    expect(runScenario(scenarioWith({ request: { method: 'HEAD' }, cache: { state: 'fresh' } })).outcome.cache).toBe('hit');
  });

  it("gives a method the static behaviour does not allow CloudFront's own 403: S3 never sees a PUT or a DELETE", () => {
    for (const method of ['PUT', 'DELETE', 'POST'] as const) {
      const result = runScenario(scenarioWith({ request: { kind: 'static', method } }));
      expect(result.outcome.status).toBe(403);
      expect(result.outcome.answeredBy).toBe('edge');
      expect(result.outcome.hops).not.toContain('s3');
      expect(toBrowser(result).headers?.['x-cache']).toBe('Error from cloudfront');
    }
  });

  it('repeats a PUT because its handler upserts, and says so, leaving no duplicate', () => {
    const result = runScenario(scenarioWith({ request: { method: 'PUT' }, db: { behaviour: 'slow' }, cache: { state: 'off' }, retry: { layers: ['db'] } }));
    const wait = result.events.find((e) => e.kind === 'retry-wait' && e.from === 'app')!;
    expect(wait.narration).toContain('upserts order 9001 by its key');
    expect(result.outcome.writesCommitted).toBeGreaterThan(1);
    expect(result.outcome.duplicateWrites).toBe(0);
  });

  it('narrates a 201 as Created, never as 200 OK', () => {
    const result = runScenario(scenarioWith({ request: { method: 'POST' } }));
    // The payments API's own answer to the charge is a 200; everything about the order is a 201.
    const said = result.events.filter((e) => e.requestId === 'r1' && e.from !== 'thirdparty').map((e) => `${e.narration} ${e.decision ?? ''}`);
    expect(said.some((s) => s.includes('201 Created'))).toBe(true);
    expect(said.some((s) => s.includes('200 OK'))).toBe(false);
  });
});

describe('side effects are counted, and an Idempotency-Key prevents duplicates', () => {
  const slowWrite = { request: { method: 'POST' as const }, db: { behaviour: 'slow' as const }, cache: { state: 'off' as const } };

  it('writes twice when a naive client retries a POST without a key, and once with one', () => {
    const naive = runScenario(scenarioWith({ ...slowWrite, retry: { unsafe: true } }));
    expect(naive.outcome.writesCommitted).toBeGreaterThan(1);
    expect(naive.outcome.duplicateWrites).toBe(naive.outcome.writesCommitted - 1);
    const keyed = runScenario(scenarioWith({ ...slowWrite, request: { method: 'POST', idempotencyKey: true }, retry: { unsafe: true } }));
    expect(keyed.outcome.writesCommitted).toBe(1);
    expect(keyed.outcome.duplicateWrites).toBe(0);
  });

  it('forwards the key to the payments API, so a retried charge is made once', () => {
    const slowCharge = { request: { method: 'POST' as const }, thirdParty: { behaviour: 'slow' as const }, cache: { state: 'off' as const }, retry: { layers: ['thirdparty' as const], unsafe: true } };
    const naive = runScenario(scenarioWith(slowCharge));
    expect(naive.outcome.chargesMade).toBeGreaterThan(1);
    expect(naive.outcome.duplicateCharges).toBe(naive.outcome.chargesMade - 1);
    const keyed = runScenario(scenarioWith({ ...slowCharge, request: { method: 'POST', idempotencyKey: true } }));
    expect(keyed.events.find((e) => e.kind === 'request' && e.to === 'thirdparty')?.headers?.['idempotency-key']).toMatch(/^idem-/);
    expect(keyed.outcome.chargesMade).toBe(1);
  });

  it('counts a write that commits after the app gave up, though the learner got an error', () => {
    const result = runScenario(scenarioWith(slowWrite));
    expect(result.outcome.status).toBe(503);
    expect(result.outcome.writesCommitted).toBe(1);
    const commit = result.events.find((e) => e.kind === 'commit')!;
    expect(commit.t).toBeGreaterThan(result.outcome.latencyMs);
    expect(result.outcome.workEndedAtMs).toBeGreaterThan(result.outcome.latencyMs);
  });
});
