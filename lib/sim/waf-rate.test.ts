/**
 * One request through a web ACL with a rate-based rule: the decision its address's count leads to, as the browser
 * sees it. What AWS WAF documents is in lib/sim/waf/rate-rule.ts.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO } from '@/lib/scenario/defaults';
import { scenarioWith } from '@/lib/testing/scenario';
import { runScenario } from './run';
import { createContext } from './context';
import { TallyRecorder } from './recorder';

type Waf = Partial<(typeof DEFAULT_SCENARIO)['waf']>;

function once(waf: Waf, changes: Parameters<typeof scenarioWith>[0] = {}) {
  return runScenario(scenarioWith({ ...changes, waf: { ...changes.waf, ...waf } }));
}

const answer = (result: ReturnType<typeof runScenario>) => result.events.find((e) => e.kind === 'response' && e.to === 'browser')!;

describe('a rate-based rule on one request', () => {
  it('is not there by default, and costs the default run nothing', () => {
    expect(DEFAULT_SCENARIO.waf).toMatchObject({ rateLimit: 0, rateWindowS: 300, rateAction: 'block', immunityS: 300 });
    expect(createContext(DEFAULT_SCENARIO, new TallyRecorder()).world.rateRule).toBeNull();
    expect(runScenario(DEFAULT_SCENARIO).events.some((e) => e.decision?.includes('RateLimitPerIP'))).toBe(false);
  });

  it('lets an address that sent exactly the limit through, and blocks one over it with 403', () => {
    expect(once({ rateLimit: 100, ipRequests: 100 }).outcome).toMatchObject({ status: 200, blockedBy: null });
    const blocked = once({ rateLimit: 100, ipRequests: 101 });
    expect(blocked.outcome).toMatchObject({ status: 403, blockedBy: 'waf', answeredBy: 'waf' });
    expect(blocked.events.find((e) => e.kind === 'waf-block')?.decision).toBe('WAF rule RateLimitPerIP → BLOCK 403');
    // Nothing reached the cache or the origin.
    expect(blocked.summary.originRequests).toBe(0);
  });

  it('answers a CAPTCHA with 405 and a challenge with 202, flagged x-amzn-waf-action, with no page for a JSON fetch', () => {
    const captcha = once({ rateLimit: 100, ipRequests: 150, rateAction: 'captcha' });
    expect(captcha.outcome).toMatchObject({ status: 405, blockedBy: 'waf', renderedAtMs: null });
    expect(answer(captcha).headers).toMatchObject({ 'x-amzn-waf-action': 'captcha' });
    expect(answer(captcha).headers?.['content-type']).toBeUndefined();

    const challenge = once({ rateLimit: 100, ipRequests: 150, rateAction: 'challenge' });
    expect(challenge.outcome).toMatchObject({ status: 202, blockedBy: 'waf', renderedAtMs: null });
    expect(answer(challenge).headers).toMatchObject({ 'x-amzn-waf-action': 'challenge' });
  });

  it('in Count mode records the match and lets the request on', () => {
    const counted = once({ rateLimit: 100, ipRequests: 150, rateAction: 'count' });
    expect(counted.outcome.status).toBe(200);
    expect(counted.events.filter((e) => e.kind === 'waf-count').map((e) => e.decision)).toContain('WAF rule RateLimitPerIP → COUNT');
  });

  it('never sees a request a managed rule blocked first, and is off with the WAF', () => {
    const sqli = once({ rateLimit: 100, ipRequests: 150 }, { request: { payload: 'sqli' } });
    expect(sqli.events.find((e) => e.kind === 'waf-block')?.decision).toBe('WAF rule SQLi_QUERYARGUMENTS → BLOCK 403');
    expect(sqli.events.find((e) => e.kind === 'waf-inspect')?.decision).not.toContain('RateLimitPerIP');
    expect(once({ rateLimit: 100, ipRequests: 150, mode: 'off' }).outcome.status).toBe(200);
  });
});
