/**
 * Edge functions at their trigger points (CloudFront Developer Guide, "Choosing between CloudFront Functions and
 * Lambda@Edge", "CloudFront events that can trigger a Lambda@Edge function", "Restrictions on all edge functions").
 */
import { describe, expect, it } from 'vitest';
import { decodeLink } from '@/lib/scenario/url-codec';
import { runScenario } from '@/lib/sim';
import { createContext } from '@/lib/sim/context';
import { TraceRecorder } from '@/lib/sim/recorder';
import { scenarioWith } from '@/lib/testing/scenario';
import { planOf, runTrafficSync, shapeOf } from '@/lib/traffic';
import { TrafficRun } from '@/lib/traffic/run';

type Changes = NonNullable<Parameters<typeof scenarioWith>[0]>;

/** The edge-function runs of the page's request, as `service event`, in order. */
function runs(changes: Changes): string[] {
  return runScenario(scenarioWith(changes))
    .events.filter((e) => e.requestId === 'r1' && e.kind === 'edge-function')
    .map((e) => e.decision!.replace(/:.*/, ''));
}

describe('edge functions, one request', () => {
  it('run CloudFront Functions on the viewer request and response of a hit, adding their time to it', () => {
    expect(runs({ cache: { state: 'fresh' }, cdn: { cfFunctions: ['viewer-request', 'viewer-response'] } })).toEqual([
      'CloudFront Functions viewer-request',
      'CloudFront Functions viewer-response',
    ]);
    const plain = runScenario(scenarioWith({ cache: { state: 'fresh' } })).outcome.latencyMs;
    expect(runScenario(scenarioWith({ cache: { state: 'fresh' }, cdn: { cfFunctions: ['viewer-request', 'viewer-response'] } })).outcome.latencyMs).toBe(plain + 2 * 0.5);
    expect(runScenario(scenarioWith({ cache: { state: 'fresh' }, cdn: { cfFunctions: ['viewer-request'], cfFunctionMs: 0.8 } })).outcome.latencyMs).toBe(plain + 0.8);
  });

  it('run Lambda@Edge on the origin request and response only when the request goes to the origin', () => {
    const cdn = { lambdaEdge: ['origin-request' as const, 'origin-response' as const] };
    expect(runs({ cache: { state: 'fresh' }, cdn })).toEqual([]);
    expect(runs({ cdn })).toEqual(['Lambda@Edge origin-request', 'Lambda@Edge origin-response']);
    const plain = runScenario(scenarioWith({})).outcome.latencyMs;
    expect(runScenario(scenarioWith({ cdn })).outcome.latencyMs).toBe(plain + 2 * 20);
  });

  it('run in the order a request meets them: viewer request, origin request, origin response, viewer response', () => {
    expect(runs({ cdn: { lambdaEdge: ['viewer-response', 'origin-response', 'viewer-request', 'origin-request'] } })).toEqual([
      'Lambda@Edge viewer-request',
      'Lambda@Edge origin-request',
      'Lambda@Edge origin-response',
      'Lambda@Edge viewer-response',
    ]);
  });

  it('run the origin response on errors, but never the viewer response on a status of 400 or more', () => {
    const down = { db: { behaviour: 'down' as const }, cache: { state: 'off' as const }, retry: { layers: [] } };
    expect(runScenario(scenarioWith(down)).outcome.status).toBe(503);
    expect(runs({ ...down, cdn: { lambdaEdge: ['origin-response', 'viewer-response'] } })).toEqual(['Lambda@Edge origin-response']);
    expect(runs({ ...down, cdn: { cfFunctions: ['viewer-request', 'viewer-response'] } })).toEqual(['CloudFront Functions viewer-request']);
  });

  it('never run for a request the WAF blocks: it is stopped before the viewer request', () => {
    expect(runs({ request: { payload: 'sqli' }, cdn: { cfFunctions: ['viewer-request', 'viewer-response'] } })).toEqual([]);
  });

  it('run once per origin an origin group tries', () => {
    expect(runs({ db: { behaviour: 'down' }, cache: { state: 'off' }, cdn: { originGroup: true, lambdaEdge: ['origin-request'] } })).toEqual([
      'Lambda@Edge origin-request',
      'Lambda@Edge origin-request',
    ]);
  });

  it('run behind Origin Shield only when it misses', () => {
    const { events } = runScenario(scenarioWith({ cdn: { originShield: true, lambdaEdge: ['origin-request'] } }));
    const kinds = events.filter((e) => e.requestId === 'r1').map((e) => e.kind);
    expect(kinds.indexOf('edge-function')).toBeGreaterThan(kinds.indexOf('origin-shield-request'));
  });

  it('start a Lambda@Edge execution environment first on a cold server side, not on a warm one', () => {
    const cold = runScenario(scenarioWith({ connections: 'cold', cdn: { lambdaEdge: ['origin-request'] } })).events.find((e) => e.kind === 'edge-function')!;
    expect(cold.decision).toBe('Lambda@Edge origin-request: cold start 400 ms + 20 ms');
    expect(cold.durationMs).toBe(420);
    const warm = runScenario(scenarioWith({ cdn: { lambdaEdge: ['origin-request'], lambdaMs: 35, lambdaColdStartMs: 900 } })).events.find((e) => e.kind === 'edge-function')!;
    expect(warm.decision).toBe('Lambda@Edge origin-request: 35 ms');
    expect(warm.durationMs).toBe(35);
  });

  it('are none by default', () => {
    expect(createContext(scenarioWith({}), new TraceRecorder()).world.distribution.functions).toBeNull();
    expect(runs({})).toEqual([]);
  });

  it('never share the viewer events between CloudFront Functions and Lambda@Edge: a link asking for both drops lambdaEdge', () => {
    const both = decodeLink('cfFunction=viewer-request&lambdaEdge=viewer-response,origin-request');
    expect(both.notices.map((n) => n.param)).toEqual(['lambdaEdge']);
    expect(both.scenario.cdn.lambdaEdge).toEqual([]);
    const allowed = decodeLink('cfFunction=viewer-request,viewer-response&lambdaEdge=origin-request,origin-response');
    expect(allowed.notices).toEqual([]);
    expect(allowed.scenario.cdn.lambdaEdge).toEqual(['origin-request', 'origin-response']);
  });
});

describe('Lambda@Edge under load', () => {
  it('starts an execution environment whenever more runs overlap than have ever overlapped before', () => {
    const lambdaMs = 200;
    const scenario = scenarioWith({ mode: 'traffic', seed: 9, traffic: { rate: 50, durationS: 20 }, cdn: { lambdaEdge: ['viewer-request'], lambdaMs, lambdaColdStartMs: 0 } });
    const arrivals: number[] = [];
    const run = new TrafficRun(scenario, planOf(scenario), shapeOf(scenario), undefined, (_arrival, _status, _latency, arrivedAtMs) => arrivals.push(arrivedAtMs));
    while (run.advance(10_000));
    const { summary } = run.result();
    // Every run starts at the same offset from its request's arrival and lasts lambdaMs, so the runs under way when
    // request i's starts are the requests that arrived in (a_i − lambdaMs, a_i].
    arrivals.sort((a, b) => a - b);
    let peak = 0;
    for (let i = 0, j = 0; i < arrivals.length; i++) {
      while (arrivals[j]! <= arrivals[i]! - lambdaMs) j++;
      peak = Math.max(peak, i - j + 1);
    }
    expect(summary.cdn?.edgeFunctions).toEqual({ runs: summary.requests, coldStarts: peak - 1 });
    expect(peak).toBeGreaterThan(10);
  });

  it('counts CloudFront Functions runs, which have no cold start', () => {
    const { summary } = runTrafficSync(scenarioWith({ mode: 'traffic', traffic: { rate: 50, durationS: 10 }, cdn: { cfFunctions: ['viewer-request', 'viewer-response'] } }));
    expect(summary.cdn?.edgeFunctions).toEqual({ runs: 2 * summary.requests, coldStarts: 0 });
  });
});
