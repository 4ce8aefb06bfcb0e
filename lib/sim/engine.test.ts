import { describe, expect, it } from 'vitest';
import { scenarioWith } from '@/lib/testing/scenario';
import { runScenario } from './run';
import type { NodeId, SimEvent } from './types';

const ORIGIN_SIDE: NodeId[] = ['alb', 'web', 'app', 'db', 'thirdparty'];

function mainEvents(events: SimEvent[]): SimEvent[] {
  return events.filter((e) => e.requestId === 'r1');
}

function reached(events: SimEvent[], node: NodeId): boolean {
  return mainEvents(events).some((e) => e.leg && (e.to === node || e.from === node));
}

describe('the edge cache', () => {
  it('when the edge holds a fresh copy, answers from it and never reaches the origin', () => {
    const result = runScenario(scenarioWith({ cache: { state: 'fresh' } }));
    expect(result.outcome.cache).toBe('hit');
    expect(result.outcome.status).toBe(200);
    for (const node of ORIGIN_SIDE) expect(reached(result.events, node), node).toBe(false);
    const delivered = result.events.find((e) => e.requestId === 'r1' && e.kind === 'response' && e.to === 'browser');
    expect(delivered?.headers?.['x-cache']).toBe('Hit from cloudfront');
    expect(Number(delivered?.headers?.age)).toBeGreaterThan(0);
    expect(result.summary.originRequests).toBe(0);
  });

  it('when the copy is stale, revalidates with If-None-Match and serves it after a 304', () => {
    const result = runScenario(scenarioWith({ cache: { state: 'stale' } }));
    const toOrigin = result.events.find((e) => e.kind === 'request' && e.from === 'edge' && e.to === 'alb');
    expect(toOrigin?.headers?.['if-none-match']).toBe('"profile-v1"');
    const fromOrigin = result.events.find((e) => e.kind === 'response' && e.from === 'alb' && e.to === 'edge');
    expect(fromOrigin?.status).toBe(304);
    expect(result.outcome.cache).toBe('revalidated');
    expect(result.outcome.status).toBe(200);
  });

  it('when the copy is stale and the data changed, fetches the new version (200) instead', () => {
    const result = runScenario(scenarioWith({ cache: { state: 'stale', changed: true } }));
    const fromOrigin = result.events.find((e) => e.kind === 'response' && e.from === 'alb' && e.to === 'edge');
    expect(fromOrigin?.status).toBe(200);
    expect(result.outcome.cache).toBe('miss');
  });

  it('when the origin sends no-store, the edge could never have held a copy, so "fresh" still goes to the origin', () => {
    const result = runScenario(scenarioWith({ cache: { state: 'fresh', cacheControl: 'no-store' } }));
    expect(result.outcome.cache).toBe('miss');
    expect(reached(result.events, 'app')).toBe(true);
    expect(result.events.some((e) => e.kind === 'cache-store' && e.decision?.includes('not stored'))).toBe(true);
  });

  it('when stale-while-revalidate covers the age, serves the stale copy at once and refreshes in the background', () => {
    const result = runScenario(scenarioWith({ cache: { state: 'stale', cacheControl: 'public, max-age=60, stale-while-revalidate=120' } }));
    expect(result.outcome.cache).toBe('stale');
    const decided = result.events.find((e) => e.requestId === 'r1' && e.kind === 'cache-stale')!;
    const answered = result.events.find((e) => e.requestId === 'r1' && e.kind === 'response' && e.to === 'browser')!;
    const toOrigin = result.events.find((e) => e.requestId === 'r1.bg' && e.kind === 'request' && e.from === 'edge')!;
    const refreshed = result.events.find((e) => e.requestId === 'r1.bg' && e.kind === 'cache-revalidated')!;
    // The edge answers and starts the refresh in the same instant: the browser never waits on the origin.
    expect(answered.t).toBe(decided.t);
    expect(toOrigin.t).toBe(decided.t);
    // The stale copy reaches the browser before the refresh has even reached the origin, let alone finished.
    expect(result.outcome.latencyMs).toBe(answered.t + answered.durationMs);
    expect(result.outcome.latencyMs).toBeLessThan(toOrigin.t + toOrigin.durationMs);
    expect(refreshed.t).toBeGreaterThan(result.outcome.latencyMs);
    // So it costs exactly what a fresh hit over the same new connection costs.
    const fresh = runScenario(scenarioWith({ cache: { state: 'fresh' } })).outcome;
    expect(result.outcome.latencyMs).toBe(fresh.latencyMs);
    expect(result.outcome.renderedAtMs).toBe(fresh.renderedAtMs);
  });

  it('when the origin is down and the copy is stale, serves stale instead of an error', () => {
    const result = runScenario(scenarioWith({ cache: { state: 'stale' }, db: { behaviour: 'down' } }));
    expect(result.outcome.status).toBe(200);
    expect(result.outcome.cache).toBe('stale');
  });

  it('when the stale copy says must-revalidate and the origin is down, passes the error on', () => {
    const result = runScenario(scenarioWith({ cache: { state: 'stale', cacheControl: 'max-age=60, must-revalidate' }, db: { behaviour: 'down' } }));
    expect(result.outcome.status).toBe(503);
  });

  it('with caching off, every request is a bypass to the origin', () => {
    const result = runScenario(scenarioWith({ cache: { state: 'off' } }));
    expect(result.outcome.cache).toBe('bypass');
    expect(reached(result.events, 'app')).toBe(true);
  });

  it('caches an origin 5xx for 10 s, so a browser retry gets the cached error without reaching the origin', () => {
    const result = runScenario(scenarioWith({ db: { behaviour: 'down' }, retry: { layers: ['browser'] } }));
    expect(result.outcome.status).toBe(503);
    expect(result.outcome.attempts).toBe(3);
    expect(result.events.filter((e) => e.kind === 'cache-error-hit')).toHaveLength(2);
    expect(result.summary.originRequests).toBe(1);
  });
});

describe('the WAF', () => {
  it('blocks an SQLi payload with 403 and nothing passes beyond the WAF', () => {
    const result = runScenario(scenarioWith({ request: { payload: 'sqli' } }));
    expect(result.outcome.status).toBe(403);
    expect(result.outcome.blockedBy).toBe('waf');
    for (const node of ORIGIN_SIDE) expect(reached(result.events, node), node).toBe(false);
    const block = result.events.find((e) => e.kind === 'waf-block');
    expect(block?.decision).toBe('WAF rule SQLi_QUERYARGUMENTS → BLOCK 403');
  });

  it('with the WAF off, lets the same payload reach the app', () => {
    const result = runScenario(scenarioWith({ request: { payload: 'sqli' }, waf: { mode: 'off' } }));
    expect(reached(result.events, 'app')).toBe(true);
    expect(result.outcome.blockedBy).toBeNull();
    expect(result.events.some((e) => e.kind.startsWith('waf-'))).toBe(false);
  });

  it('in count mode, records the match and lets the request through', () => {
    const result = runScenario(scenarioWith({ request: { payload: 'sqli' }, waf: { mode: 'count' } }));
    expect(result.events.some((e) => e.kind === 'waf-count' && e.decision?.includes('SQLi_QUERYARGUMENTS'))).toBe(true);
    expect(result.outcome.status).toBe(200);
  });

  it('inspects the body of a POST and blocks XSS there', () => {
    const result = runScenario(scenarioWith({ request: { payload: 'xss', method: 'POST' } }));
    expect(result.events.find((e) => e.kind === 'waf-block')?.decision).toBe('WAF rule CrossSiteScripting_BODY → BLOCK 403');
  });

  it('lets a benign look-alike through', () => {
    const result = runScenario(scenarioWith({ request: { payload: "O'Brien <3" } }));
    expect(result.outcome.status).toBe(200);
  });

  it('blocks a query string over 2,048 bytes by size alone', () => {
    const result = runScenario(scenarioWith({ request: { payload: 'a'.repeat(2100) } }));
    expect(result.events.find((e) => e.kind === 'waf-block')?.decision).toContain('SizeRestrictions_QUERYSTRING');
  });
});

describe('timeouts and retries', () => {
  it('when the DB is slower than the timeout, retries the query with waits inside the full-jitter bounds', () => {
    const scenario = scenarioWith({ db: { behaviour: 'slow', delayMs: 4000 }, timeoutMs: 2000, cache: { state: 'off' }, retry: { layers: ['db'] } });
    const result = runScenario(scenario);
    const timeouts = result.events.filter((e) => e.kind === 'timeout' && e.from === 'app');
    expect(timeouts).toHaveLength(3);
    const waits = result.events.filter((e) => e.kind === 'retry-wait' && e.from === 'app');
    expect(waits).toHaveLength(2);
    waits.forEach((w, n) => {
      const ceiling = Math.min(scenario.retry.capMs, scenario.retry.baseMs * 2 ** n);
      expect(w.waitMs).toBeGreaterThanOrEqual(0);
      expect(w.waitMs).toBeLessThanOrEqual(ceiling);
    });
    expect(result.outcome.status).toBe(503);
  });

  it.each([
    ['none', (n: number, base: number, cap: number): [number, number] => [Math.min(cap, base * 2 ** n), Math.min(cap, base * 2 ** n)]],
    ['equal', (n: number, base: number, cap: number): [number, number] => [Math.min(cap, base * 2 ** n) / 2, Math.min(cap, base * 2 ** n)]],
    ['full', (n: number, base: number, cap: number): [number, number] => [0, Math.min(cap, base * 2 ** n)]],
  ] as const)('waits within the %s-jitter formula on every retry', (jitter, bounds) => {
    for (let seed = 1; seed <= 20; seed++) {
      const scenario = scenarioWith({ seed, db: { behaviour: 'slow' }, cache: { state: 'off' }, retry: { jitter, attempts: 5, baseMs: 50, capMs: 300, layers: ['db'] } });
      const waits = runScenario(scenario).events.filter((e) => e.kind === 'retry-wait' && e.from === 'app');
      expect(waits).toHaveLength(4);
      waits.forEach((w, n) => {
        const [min, max] = bounds(n, 50, 300);
        expect(w.waitMs!).toBeGreaterThanOrEqual(Math.floor(min));
        expect(w.waitMs!).toBeLessThanOrEqual(Math.ceil(max));
      });
    }
  });

  it('keeps decorrelated jitter between base and three times the previous sleep, capped', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const scenario = scenarioWith({ seed, db: { behaviour: 'slow' }, cache: { state: 'off' }, retry: { jitter: 'decorrelated', attempts: 6, baseMs: 100, capMs: 1000, layers: ['db'] } });
      const waits = runScenario(scenario).events.filter((e) => e.kind === 'retry-wait' && e.from === 'app');
      let previous = 100;
      for (const w of waits) {
        expect(w.waitMs!).toBeGreaterThanOrEqual(100);
        expect(w.waitMs!).toBeLessThanOrEqual(Math.min(1000, Math.ceil(previous * 3)));
        previous = w.waitMs!;
      }
    }
  });

  it('does not retry a POST without an Idempotency-Key after a timeout, but does with one', () => {
    const without = runScenario(scenarioWith({ request: { method: 'POST' }, db: { behaviour: 'slow' } }));
    expect(without.events.filter((e) => e.kind === 'db-query')).toHaveLength(1);
    expect(without.events.find((e) => e.kind === 'give-up')?.decision).toBe('no retry: not idempotent');
    const withKey = runScenario(scenarioWith({ request: { method: 'POST', idempotencyKey: true }, db: { behaviour: 'slow' }, retry: { layers: ['db'] } }));
    expect(withKey.events.filter((e) => e.kind === 'db-query').length).toBeGreaterThan(1);
    // The retry finds the key the first transaction stored, so the slow first INSERT stays the only row.
    expect(withKey.outcome.writesCommitted).toBe(1);
    expect(withKey.events.some((e) => e.kind === 'replay')).toBe(true);
  });

  it('retries a deadlocked transaction as a whole, and the retry succeeds', () => {
    const result = runScenario(scenarioWith({ db: { behaviour: 'deadlock' }, request: { method: 'POST' } }));
    expect(result.events.find((e) => e.kind === 'deadlock')?.decision).toContain('40P01');
    expect(result.events.filter((e) => e.kind === 'db-query')).toHaveLength(2);
    expect(result.outcome.status).toBe(201);
  });

  it('knows a plain read cannot deadlock: it takes no row locks', () => {
    const result = runScenario(scenarioWith({ db: { behaviour: 'deadlock' } }));
    expect(result.events.some((e) => e.kind === 'deadlock')).toBe(false);
    expect(result.outcome.status).toBe(200);
  });

  it('does not retry a charge to the payments API for a POST without an Idempotency-Key', () => {
    const result = runScenario(scenarioWith({ request: { method: 'POST' }, thirdParty: { behaviour: 'error' }, cache: { state: 'off' }, retry: { layers: ['thirdparty'] } }));
    expect(result.events.filter((e) => e.kind === 'response' && e.from === 'thirdparty')).toHaveLength(1);
    expect(result.events.find((e) => e.kind === 'give-up')?.decision).toBe('no retry: not idempotent');
  });

  it('knows Redis cannot deadlock', () => {
    const result = runScenario(scenarioWith({ db: { behaviour: 'deadlock', engine: 'redis' }, request: { method: 'POST' } }));
    expect(result.events.some((e) => e.kind === 'deadlock')).toBe(false);
    expect(result.outcome.status).toBe(201);
  });

  it('multiplies load when every layer retries: the DB sees attempts², at most', () => {
    const result = runScenario(scenarioWith({ db: { behaviour: 'down' }, cache: { state: 'off' }, timeoutMs: 500 }));
    expect(result.outcome.attempts).toBe(3);
    expect(result.events.filter((e) => e.kind === 'tcp-syn' && e.to === 'db')).toHaveLength(9);
  });

  it('with no app timeout, CloudFront gives up first at its 30 s origin response timeout', () => {
    const result = runScenario(scenarioWith({ db: { behaviour: 'slow', delayMs: 45_000 }, timeoutMs: 0, retry: { layers: [] } }));
    expect(result.outcome.status).toBe(504);
    expect(result.events.find((e) => e.kind === 'timeout' && e.from === 'edge')?.t).toBeGreaterThan(30_000);
  });
});

describe('connections', () => {
  it('TLS 1.2 costs exactly one more browser↔edge round trip than TLS 1.3', () => {
    const base = scenarioWith({ cache: { state: 'fresh' } });
    const t13 = runScenario({ ...base, tls: '1.3' }).outcome.latencyMs;
    const t12 = runScenario({ ...base, tls: '1.2' }).outcome.latencyMs;
    expect(t12 - t13).toBe(base.latency.browserEdgeRttMs);
  });

  it('with cold connections, each TLS hop adds its own round trip under TLS 1.2', () => {
    const base = scenarioWith({ connections: 'cold', cache: { state: 'off' } });
    const t13 = runScenario({ ...base, tls: '1.3' }).outcome.latencyMs;
    const t12 = runScenario({ ...base, tls: '1.2' }).outcome.latencyMs;
    const { browserEdgeRttMs, edgeOriginRttMs, thirdPartyRttMs, vpcRttMs } = base.latency;
    // Browser → edge, edge → ALB, app → payments, and app → PostgreSQL, which RDS makes speak TLS.
    expect(t12 - t13).toBe(browserEdgeRttMs + edgeOriginRttMs + thirdPartyRttMs + vpcRttMs);
  });

  it('opens a new connection with SYN, SYN-ACK, ACK, and reuses it for the static asset', () => {
    const result = runScenario(scenarioWith());
    const kinds = result.events.filter((e) => e.from === 'browser' || e.to === 'browser').map((e) => e.kind);
    const start = kinds.indexOf('tcp-syn');
    expect(kinds.slice(start, start + 3)).toEqual(['tcp-syn', 'tcp-syn-ack', 'tcp-ack']);
    expect(result.events.filter((e) => e.kind === 'tcp-syn' && e.from === 'browser')).toHaveLength(1);
    expect(result.events.some((e) => e.requestId === 'r1.a1' && e.kind === 'conn-reuse')).toBe(true);
  });

  it.each([
    ['postgres', 5432],
    ['mysql', 3306],
    ['mongodb', 27017],
    ['redis', 6379],
    ['oracle', 1521],
  ] as const)('queries %s over TCP %i', (engine, port) => {
    const result = runScenario(scenarioWith({ db: { engine } }));
    const query = result.events.find((e) => e.kind === 'db-query');
    expect(query?.protocol).toBe('TCP');
    expect(query?.port).toBe(port);
  });
});

describe('the third party', () => {
  it('when it is down, the refused connection surfaces as a 502 after retries', () => {
    const result = runScenario(scenarioWith({ thirdParty: { behaviour: 'down' }, cache: { state: 'off' }, retry: { layers: ['thirdparty'] } }));
    expect(result.events.filter((e) => e.kind === 'tcp-rst')).toHaveLength(3);
    expect(result.outcome.status).toBe(502);
  });

  it('when it answers 503, the app retries and then reports 502', () => {
    const result = runScenario(scenarioWith({ thirdParty: { behaviour: 'error' }, cache: { state: 'off' }, retry: { layers: ['thirdparty'] } }));
    expect(result.events.filter((e) => e.kind === 'response' && e.from === 'thirdparty' && e.status === 503)).toHaveLength(3);
    expect(result.outcome.status).toBe(502);
  });
});

describe('rendering', () => {
  it('fetches the static URL named in the JSON from the CDN after the API answers', () => {
    const result = runScenario(scenarioWith());
    const asset = result.events.find((e) => e.requestId === 'r1.a1' && e.kind === 'request');
    expect(asset?.decision).toBe('GET /static/images/jagga.png');
    expect(result.outcome.renderedAtMs).toBeGreaterThan(result.outcome.latencyMs);
  });
});

describe('rendering from a cached copy', () => {
  it.each(['fresh', 'stale'] as const)('fetches the static URL named in a %s cached JSON body too', (state) => {
    const result = runScenario(scenarioWith({ cache: { state } }));
    expect(result.events.some((e) => e.requestId === 'r1.a1' && e.kind === 'request')).toBe(true);
    expect(result.summary.requests).toBe(2);
  });
});

describe('who answers', () => {
  it.each([
    [{ cache: { state: 'fresh' as const } }, 'edge'],
    [{ request: { payload: 'sqli' } }, 'waf'],
    [{}, 'app'],
    [{ request: { kind: 'static' as const } }, 's3'],
    [{ db: { behaviour: 'slow' as const, delayMs: 45_000 }, timeoutMs: 0, retry: { layers: [] } }, 'edge'],
  ])('names the node whose answer the browser got (%j → %s)', (changes, node) => {
    expect(runScenario(scenarioWith(changes)).outcome.answeredBy).toBe(node);
  });
});

describe('latency knobs', () => {
  it('a longer browser ↔ edge round trip adds exactly its cost to each browser round trip of a cached request', () => {
    const fast = runScenario(scenarioWith({ cache: { state: 'fresh' } })).outcome.latencyMs;
    const slow = runScenario(scenarioWith({ cache: { state: 'fresh' }, latency: { browserEdgeRttMs: 120 } })).outcome.latencyMs;
    // TCP (1 RTT) + TLS 1.3 (1 RTT) + the request and response (1 RTT): three round trips of 100 ms more.
    expect(slow - fast).toBe(300);
  });
});
