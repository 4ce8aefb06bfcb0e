/**
 * The network's filters in the engine: what a dropped packet does to a run, with the times the scenario's own
 * timeouts give. The filters' rules themselves are tested in net/filters.test.ts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeLink } from '@/lib/scenario/url-codec';
import type { Scenario } from '@/lib/scenario/schema';
import { layersFor } from '@/lib/inspect/layers';
import { singleRunDefaultNetworkArbitrary } from '@/lib/testing/arbitraries';
import { TIGHT_NETWORK_LINK } from '@/lib/testing/networks';
import { TraceRecorder } from './recorder';
import { runScenario } from './run';
import { TCP_CONNECT_GIVE_UP_MS } from './net/handshake';
import type { EventKind, NodeId, SimEvent, SimResult } from './types';
import { planOf, shapeOf, runTrafficSync } from '@/lib/traffic';
import { TrafficRun } from '@/lib/traffic/run';

function scenarioOf(link: string): Scenario {
  const { scenario, notices } = decodeLink(link);
  expect(notices).toEqual([]);
  return scenario;
}

function run(link: string): SimResult {
  return runScenario(scenarioOf(link));
}

function events(result: SimResult, kind: EventKind, from?: NodeId, to?: NodeId): SimEvent[] {
  return result.events.filter((e) => e.kind === kind && (from === undefined || e.from === from) && (to === undefined || e.to === to));
}

function times(list: SimEvent[]): number[] {
  return list.map((e) => e.t);
}

describe('a packet the network drops', () => {
  describe('when it is a SYN, ends in the caller’s connect timeout', () => {
    it("at CloudFront: each of its connection attempts runs out its connection timeout, then 504", () => {
      const result = run('preset=alb-sg-no-443');
      const syns = events(result, 'tcp-syn', 'edge', 'alb');
      expect(syns).toHaveLength(3);
      expect(events(result, 'packet-denied').map((e) => [e.from, e.t - syns[0]!.t])).toEqual([['alb', 20], ['alb', 10_020], ['alb', 20_020]]);
      expect(times(events(result, 'timeout', 'edge'))).toEqual(syns.map((s) => s.t + 10_000));
      expect(result.outcome.status).toBe(504);
      expect(result.outcome.hops).not.toContain('web');

      const shorter = run('preset=alb-sg-no-443&originConnectTimeout=4&originAttempts=2');
      const tries = events(shorter, 'tcp-syn', 'edge', 'alb');
      expect(times(events(shorter, 'timeout', 'edge'))).toEqual(tries.map((s) => s.t + 4000));
      expect(tries).toHaveLength(2);
    });

    it('at the load balancer: its 10 s connection timeout, then its own 504', () => {
      const result = run('conn=cold&sgWeb=in:tcp:80:sg-app,out:all:0.0.0.0/0');
      const [syn] = events(result, 'tcp-syn', 'alb', 'web');
      expect(events(result, 'packet-denied')[0]).toMatchObject({ from: 'web', t: syn!.t + 0.5, decision: expect.stringMatching(/^security group sg-web inbound: no rule allows TCP 10\.0\.1\.12:\d+ → 10\.0\.21\.23:80$/) });
      expect(times(events(result, 'timeout', 'alb'))).toEqual([syn!.t + 10_000]);
      expect(events(result, 'response', 'alb', 'edge')[0]).toMatchObject({ status: 504, t: syn!.t + 10_000, headers: expect.objectContaining({ server: 'awselb/2.0' }) });
    });

    it("at Nginx: proxy_connect_timeout's 60 s, when the timeouts in front of it wait longer", () => {
      const result = run('conn=cold&sgApp=in:tcp:8080:sg-alb,out:all:0.0.0.0/0&originTimeout=120&albIdle=120');
      const [syn] = events(result, 'tcp-syn', 'web', 'app');
      expect(events(result, 'packet-denied')[0]).toMatchObject({ from: 'app', decision: expect.stringContaining('security group sg-app inbound') });
      expect(times(events(result, 'timeout', 'web'))).toEqual([syn!.t + 60_000]);
      expect(events(result, 'response', 'web', 'alb')[0]).toMatchObject({ status: 504, headers: expect.objectContaining({ server: 'nginx' }) });
    });

    it("at the app: its own timeout per attempt, the scenario's timeout exactly", () => {
      for (const timeout of [2000, 750]) {
        const result = run(`preset=sg-db-wrong-group&timeout=${timeout}`);
        const syns = events(result, 'tcp-syn', 'app', 'db');
        expect(syns).toHaveLength(3);
        expect(times(events(result, 'timeout', 'app'))).toEqual(syns.map((s) => s.t + timeout));
        expect(events(result, 'db-query')).toEqual([]);
        expect(result.outcome.status).toBe(503);
      }
    });

    it('and where the app has no timeout, TCP gives up after its SYN retries, 127 s, and the app tries again', () => {
      const result = run('preset=sg-db-wrong-group&timeout=0&retryAt=db&backoff=none');
      // CloudFront's own tries reach the app too; the app's retry is the first request's second attempt.
      const syns = events(result, 'tcp-syn', 'app', 'db').filter((e) => e.requestId === 'r1');
      expect(syns.map((e) => e.attempt)).toEqual([1, 2, 3]);
      expect(syns[1]!.t - syns[0]!.t).toBe(TCP_CONNECT_GIVE_UP_MS);
      expect(events(result, 'timeout', 'app')).toEqual([]);
    });
  });

  describe('when it is a reply, leaves the caller waiting until its timeout', () => {
    it('the result of every query, on a connection the pool had open, because a network ACL is stateless', () => {
      const result = run('preset=nacl-no-ephemeral');
      const queries = events(result, 'db-query');
      expect(queries).toHaveLength(3);
      expect(events(result, 'db-result', 'db', 'app')).toEqual([]);
      const denied = events(result, 'packet-denied');
      expect(denied.map((e) => [e.from, e.decision])).toEqual(
        queries.map(() => ['db', expect.stringMatching(/^NACL acl-data outbound rule \* denies TCP 10\.0\.31\.84:5432 → 10\.0\.21\.57:\d+$/)]),
      );
      expect(times(events(result, 'timeout', 'app'))).toEqual(queries.map((q) => q.t + 2000));
      expect(result.outcome.status).toBe(503);
    });

    it('the SYN-ACK of a new connection, which the caller cannot tell from a lost SYN', () => {
      const result = run('preset=nacl-no-ephemeral&conn=cold&timeout=900');
      const [syn] = events(result, 'tcp-syn', 'app', 'db');
      expect(events(result, 'tcp-syn-ack', 'db', 'app')).toEqual([]);
      expect(events(result, 'packet-denied')[0]).toMatchObject({ from: 'db', t: syn!.t + 0.5, detail: expect.objectContaining({ rule: '*', direction: 'outbound' }) });
      expect(events(result, 'timeout', 'app')[0]!.t).toBe(syn!.t + 900);
    });

    it("Nginx's answer to the load balancer, until the load balancer's idle timeout answers 504", () => {
      const result = run('naclPublic=in:100:allow:tcp:443:0.0.0.0/0,out:100:allow:all:0.0.0.0/0&albIdle=5');
      const [forwarded] = events(result, 'request', 'alb', 'web');
      expect(events(result, 'packet-denied')[0]).toMatchObject({ from: 'alb', detail: expect.objectContaining({ id: 'acl-public', direction: 'inbound', rule: '*' }) });
      expect(times(events(result, 'timeout', 'alb'))).toEqual([forwarded!.t + 5000]);
      expect(events(result, 'response', 'alb', 'edge')[0]).toMatchObject({ status: 504 });
    });
  });

  describe('is not a reset', () => {
    const noPaymentsOut = 'sgApp=in:tcp:8080:sg-web,out:tcp:db:sg-db&retryAt=none';

    it('a host where nothing listens answers at once with RST, so the app knows within a round trip', () => {
      const result = run('thirdParty=down&retryAt=none');
      const [syn] = events(result, 'tcp-syn', 'app', 'thirdparty');
      expect(events(result, 'tcp-rst', 'thirdparty', 'app')[0]!.t).toBe(syn!.t + 30);
      expect(events(result, 'timeout', 'app')).toEqual([]);
      expect(events(result, 'done', 'app')[0]!.t).toBe(syn!.t + 60);
    });

    it('a filter answers nothing, so the app waits out its timeout', () => {
      const result = run(`${noPaymentsOut}&conn=cold`);
      // Its own group drops the SYN before it leaves the app: it never reaches the link.
      expect(events(result, 'tcp-syn', 'app', 'thirdparty')).toEqual([]);
      const [denied] = events(result, 'packet-denied');
      expect(denied).toMatchObject({ from: 'app', t: events(result, 'db-result', 'db', 'app')[0]!.t + 0.5, detail: expect.objectContaining({ id: 'sg-app', direction: 'outbound', destinationPort: 443 }) });
      expect(events(result, 'timeout', 'app')[0]!.t).toBe(denied!.t + 2000);
      expect(events(result, 'tcp-rst')).toEqual([]);
    });

    it('and a reset the filters drop is no answer either', () => {
      const repliesInside = 'naclApp=in:100:allow:tcp:80:10.0.0.0/16,in:110:allow:tcp:1024-65535:10.0.0.0/16,out:100:allow:all:0.0.0.0/0';
      const result = run(`thirdParty=down&retryAt=none&${repliesInside}`);
      const [syn] = events(result, 'tcp-syn', 'app', 'thirdparty');
      // The reset crosses the internet and dies at the edge of the app's subnet.
      expect(times(events(result, 'tcp-rst', 'thirdparty', 'app'))).toEqual([syn!.t + 30]);
      expect(events(result, 'packet-denied')[0]).toMatchObject({ from: 'app', t: syn!.t + 60, decision: expect.stringMatching(/^NACL acl-app inbound rule \* denies TCP 198\.51\.100\.200:443 → 10\.0\.21\.57:\d+$/) });
      expect(events(result, 'timeout', 'app')[0]!.t).toBe(syn!.t + 2000);
    });
  });

  it('on a connection a security group already tracks is not dropped: the open pool keeps working after sg-db changes', () => {
    const warm = run('sgDb=in:tcp:db:sg-web,out:all:0.0.0.0/0');
    expect(events(warm, 'packet-denied')).toEqual([]);
    expect(warm.outcome.status).toBe(200);
    expect(run('sgDb=in:tcp:db:sg-web,out:all:0.0.0.0/0&conn=cold').outcome.status).toBe(503);
  });

  it('names the ports the inspector shows for the same packet, and shows no layers of its own', () => {
    const result = run('preset=alb-sg-no-443');
    const runFacts = { events: result.events, engine: 'postgres' as const, tls: '1.3' as const, seed: 1 };
    for (const denied of events(result, 'packet-denied')) {
      const syn = result.events[denied.id - 1]!;
      expect(syn.kind).toBe('tcp-syn');
      const tcp = layersFor(syn, runFacts).find((l) => l.id === 'tcp')!;
      expect(tcp.fields.slice(0, 2).map((f) => f.value)).toEqual([String(denied.detail!.sourcePort), '443']);
      expect(layersFor(denied, runFacts)).toEqual([]);
    }
  });
});

describe('the network rules every scenario starts with', () => {
  it('deny nothing, whatever else the scenario says (seed 20261201)', () => {
    fc.assert(
      fc.property(singleRunDefaultNetworkArbitrary, (scenario) => {
        const kinds = new Set(runScenario(scenario).events.map((e) => e.kind));
        expect(kinds.has('packet-denied')).toBe(false);
      }),
      { seed: 20261201, numRuns: 80 },
    );
  });

  it('deny nothing in a traffic run either, cold or warm (seed 20261202)', () => {
    fc.assert(
      fc.property(singleRunDefaultNetworkArbitrary, fc.constantFrom('api', 'static', 'mix'), (drawn, kind) => {
        const scenario: Scenario = { ...drawn, mode: 'traffic', request: { ...drawn.request, kind }, traffic: { ...drawn.traffic, rate: 20, durationS: 2, warmupS: 0, timeline: [] } };
        const recorder = new TraceRecorder();
        const traffic = new TrafficRun(scenario, planOf(scenario), shapeOf(scenario), recorder);
        while (traffic.advance(50_000));
        expect(recorder.events.some((e) => e.kind === 'packet-denied')).toBe(false);
      }),
      { seed: 20261202, numRuns: 12 },
    );
  });
});

describe('a network that opens only what the site needs', () => {
  it.each(['postgres', 'mysql', 'oracle'] as const)('lets every request of every kind through, on open connections and new ones (%s)', (engine) => {
    for (const extra of ['', '&conn=cold', '&kind=static', '&method=POST&idem=yes', '&thirdParty=down&retryAt=none']) {
      const result = run(`${TIGHT_NETWORK_LINK}&dbms=${engine}${extra}`);
      expect(events(result, 'packet-denied'), extra).toEqual([]);
      expect(result, extra).toEqual(run(`dbms=${engine}${extra}`));
    }
  });
});

describe('the network-rule presets', () => {
  it.each([
    ['nacl-no-ephemeral', 503, 'db'],
    ['sg-db-wrong-group', 503, 'db'],
    ['alb-sg-no-443', 504, 'alb'],
  ] as const)('%s: one request is answered %i, and the packets die at the %s', (id, status, where) => {
    const result = run(`preset=${id}`);
    expect(result.outcome.status).toBe(status);
    expect(new Set(events(result, 'packet-denied').map((e) => e.from))).toEqual(new Set([where]));
  });

  it.each(['nacl-no-ephemeral', 'sg-db-wrong-group', 'alb-sg-no-443'])('%s: a traffic run of it ends, every request answered with an error', (id) => {
    const scenario = scenarioOf(`preset=${id}&mode=traffic&kind=api&rate=5&duration=4`);
    const result = runTrafficSync(scenario);
    expect(result.summary.requests).toBeGreaterThan(0);
    expect(result.summary.errorRate).toBe(1);
  });
});
