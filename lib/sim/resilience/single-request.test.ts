/**
 * The patterns in one request: a fresh world's breakers are closed, so most of them show only in traffic, but what
 * one request can meet, it meets, and says so in its events.
 */
import { describe, expect, it } from 'vitest';
import { runScenario, tallyScenario } from '@/lib/sim';
import { scenarioWith } from '@/lib/testing/scenario';
import { decodeLink } from '@/lib/scenario/url-codec';

const run = (link: string) => {
  const { scenario, notices } = decodeLink(link);
  expect(notices).toEqual([]);
  return runScenario(scenario);
};
const kinds = (link: string, kind: string) => run(link).events.filter((e) => e.kind === kind);

describe('one request through the resilience patterns', () => {
  it('opossum opens on the first refused payments call, with its reason, and refuses the app’s retry without calling', () => {
    const result = run('thirdParty=down&cache=off&breaker=opossum');
    const knocks = result.events.filter((e) => e.kind === 'tcp-syn' && e.to === 'thirdparty');
    // Three pods, each with its own breaker: the browser's three tries meet three fresh ones, each opened by one call.
    expect(knocks).toHaveLength(3);
    const opened = result.events.filter((e) => e.kind === 'breaker');
    expect(opened.map((e) => e.decision)).toEqual(Array(3).fill('opossum: CLOSED → OPEN (error rate 100% > 50% of the 1 call in its last 10 s)'));
    expect(opened.map((e) => e.narration.split("'")[0])).toEqual(['Pod 1', 'Pod 2', 'Pod 3']);
    const refused = result.events.filter((e) => e.kind === 'breaker-reject');
    expect(refused).toHaveLength(3);
    expect(refused[0]!.decision).toBe('refused: EOPENBREAKER: Breaker is open');
    expect(result.outcome.status).toBe(502);
    // Without the breaker, the browser's three tries times the app's three.
    expect(run('thirdParty=down&cache=off').events.filter((e) => e.kind === 'tcp-syn' && e.to === 'thirdparty')).toHaveLength(9);
  });

  it('resilience4j needs 100 calls before it works out a rate, so one request never opens it', () => {
    expect(kinds('thirdParty=down&cache=off&breaker=resilience4j', 'breaker')).toEqual([]);
    expect(run('thirdParty=down&cache=off&breaker=resilience4j').events.filter((e) => e.kind === 'tcp-syn' && e.to === 'thirdparty')).toHaveLength(9);
  });

  it('a default fallback answers 200 with a guest profile when the database is down, and says so', () => {
    const result = run('preset=db-down&fallback=default');
    expect(result.outcome.status).toBe(200);
    const fallback = result.events.find((e) => e.kind === 'fallback')!;
    expect(fallback.decision).toBe('fallback: default');
    expect(fallback.narration).toContain('a guest profile, with no user data');
    const answer = result.events.find((e) => e.kind === 'response' && e.from === 'app')!;
    expect(answer.headers).toMatchObject({ 'x-fallback': 'db=default', 'cache-control': 'no-store' });
  });

  it('a cache or stale fallback has nothing to serve in a fresh world, and the failure goes on', () => {
    for (const fallback of ['cache', 'stale']) {
      const result = run(`preset=db-down&fallback=${fallback}`);
      expect(result.outcome.status).toBe(503);
      expect(result.events.filter((e) => e.kind === 'fallback').map((e) => e.decision)).toContain('no fallback: no earlier answer is kept for it');
    }
  });

  it('a write never falls back: what did not happen cannot be answered from a copy', () => {
    const result = run('method=PUT&db=down&cache=off&fallback=default');
    expect(result.outcome.status).toBe(503);
    expect(result.events.find((e) => e.kind === 'fallback')?.decision).toBe('no fallback: a write that did not happen cannot be answered from a copy');
  });

  it('the browser’s default fallback draws a page instead of the error', () => {
    const result = run('preset=db-down&fallback=default&fallbackAt=browser');
    expect(result.outcome.status).toBe(503);
    expect(result.outcome.renderedAtMs).not.toBeNull();
    expect(result.events.find((e) => e.kind === 'render')!.decision).toBe('render fallback (default) for 503 Service Unavailable');
  });

  it('a bulkhead of one never refuses a lone request: its timed-out call gives its permit back', () => {
    expect(kinds('preset=db-timeout&bulkhead=1', 'bulkhead-reject')).toEqual([]);
    expect(run('preset=db-timeout&bulkhead=1').outcome).toEqual(run('preset=db-timeout').outcome);
  });

  it('the retry quota has tokens to spare for one request: nothing changes', () => {
    expect(runScenario(scenarioWith({ db: { behaviour: 'down' }, resilience: { retryQuota: 'on' } }))).toEqual(runScenario(scenarioWith({ db: { behaviour: 'down' } })));
  });

  it('keeps the same outcome whichever recorder runs it', () => {
    const { scenario } = decodeLink('thirdParty=down&cache=off&breaker=opossum&fallback=default&bulkhead=1&retryQuota=on&breakerAt=browser,db,thirdparty');
    const { events, ...traced } = runScenario(scenario);
    expect(events.length).toBeGreaterThan(0);
    expect(tallyScenario(scenario)).toEqual(traced);
  });
});
