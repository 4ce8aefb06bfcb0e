import { describe, expect, it } from 'vitest';
import { evaluateWebAcl, defaultWebAcl } from './web-acl';
import { RATE_RULE_NAME, RateRule, rateOutcome, tokenValid } from './rate-rule';

const A = 7;
/** A rule whose address A is over its limit from the check at 10 s on, for the 600 s window. */
function overLimit(rateAction: 'block' | 'captcha' | 'challenge' | 'count'): RateRule {
  const rule = new RateRule({ rateLimit: 10, rateWindowS: 600, immunityS: 300, rateAction });
  for (let i = 0; i < 11; i++) rule.decide(A, true, i);
  return rule;
}

describe('the rate-based rule’s action (AWS WAF: Block, CAPTCHA, Challenge, Count)', () => {
  it('does nothing under the limit; over it, blocks, counts, or asks for a token the request does not carry', () => {
    expect(rateOutcome(false, 'block', false)).toBe('under');
    expect(rateOutcome(true, 'block', false)).toBe('block');
    expect(rateOutcome(true, 'count', false)).toBe('count');
    expect(rateOutcome(true, 'captcha', false)).toBe('captcha');
    expect(rateOutcome(true, 'challenge', false)).toBe('challenge');
    // A valid token makes CAPTCHA and Challenge act like Count; it means nothing to Block.
    expect(rateOutcome(true, 'captcha', true)).toBe('token');
    expect(rateOutcome(true, 'challenge', true)).toBe('token');
    expect(rateOutcome(true, 'block', true)).toBe('block');
  });

  it('holds a token valid for the immunity time and not a millisecond longer', () => {
    expect(tokenValid(undefined, 0, 300)).toBe(false);
    expect(tokenValid(1000, 301_000, 300)).toBe(true);
    expect(tokenValid(1000, 301_001, 300)).toBe(false);
  });

  it('gives a person who meets a CAPTCHA a token for the immunity time; a bot never gets one', () => {
    const person = overLimit('captcha');
    expect(person.decide(A, true, 10_000)).toBe('captcha');
    expect(person.decide(A, true, 10_001)).toBe('token');
    expect(person.decide(A, true, 310_000)).toBe('token');
    expect(person.decide(A, true, 310_001)).toBe('captcha');

    const bot = overLimit('challenge');
    expect(bot.decide(A, false, 10_000)).toBe('challenge');
    expect(bot.decide(A, false, 10_001)).toBe('challenge');
  });

  it('adds itself to the web ACL’s verdict at priority 3: terminating for Block, CAPTCHA and Challenge, counted otherwise', () => {
    const managed = evaluateWebAcl(defaultWebAcl('on'), { sourceIp: '198.51.100.23', query: 'q=running%20shoes', body: null });
    const blocked = overLimit('block').verdict(managed, 'block');
    expect(blocked).toMatchObject({ action: 'BLOCK', terminatingRule: RATE_RULE_NAME });
    expect(blocked.evaluations.map((e) => [e.priority, e.rule, e.matched])).toEqual([
      [0, 'AllowOfficeNetwork', false],
      [1, 'AWS-AWSManagedRulesCommonRuleSet', false],
      [2, 'AWS-AWSManagedRulesSQLiRuleSet', false],
      [3, RATE_RULE_NAME, true],
    ]);
    expect(overLimit('captcha').verdict(managed, 'captcha').action).toBe('CAPTCHA');
    expect(overLimit('challenge').verdict(managed, 'challenge').action).toBe('CHALLENGE');

    const rule = overLimit('count');
    const counted = rule.verdict(managed, 'count');
    expect(counted).toMatchObject({ action: 'ALLOW', terminatingRule: null });
    expect(counted.counted.map((e) => e.rule)).toEqual([RATE_RULE_NAME]);
    // Worked out once per managed verdict and outcome: many requests, one object.
    expect(rule.verdict(managed, 'count')).toBe(counted);
    expect(rule.verdict(managed, 'under')).toMatchObject({ action: 'ALLOW', counted: [] });
  });
});
