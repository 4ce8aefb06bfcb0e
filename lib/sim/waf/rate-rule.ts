/**
 * The web ACL's rate-based rule: its counting (rate-based.ts), its action, and the CAPTCHA and challenge tokens
 * clients carry. What AWS WAF documents ("CAPTCHA and Challenge action behavior"; API Reference, CaptchaAction and
 * ChallengeAction):
 * - Block answers 403 by default;
 * - CAPTCHA and Challenge look at the request's token first. A valid, unexpired one is handled like Count: the match
 *   is recorded and evaluation goes on. Without one, evaluation stops and the client gets 405 Method Not Allowed
 *   (CAPTCHA) or 202 Request Accepted (Challenge), with the header `x-amzn-waf-action`, and an interstitial page
 *   (the puzzle, or the challenge script) only when the request's `Accept` asks for `text/html`;
 * - Count records the match and evaluation goes on;
 * - a token's timestamp is valid for the immunity time after it was solved (Developer Guide, "Setting timestamp
 *   expiration and token immunity times": expired once now minus the timestamp is greater than the immunity time).
 *
 * Who solves what is the client's business: a person's browser solves the puzzle or runs the challenge script and
 * comes back with a token; a bot does neither. The model gives the token from the moment the puzzle is served and
 * does not send the request that met it again.
 */
import type { RateAction, Scenario } from '@/lib/scenario/schema';
import type { Address } from '../clients';
import { RateCounter } from './rate-based';
import type { AclVerdict, RuleEvaluation, WafAction } from './web-acl';

/** The rule's name in the web ACL, and its priority: after the managed rule groups (0–2). */
export const RATE_RULE_NAME = 'RateLimitPerIP';
export const RATE_RULE_PRIORITY = 3;

/**
 * What the rule does to one request:
 * `under` (no match), `count` (matched, recorded, evaluation goes on), `token` (matched, but a valid token makes a
 * CAPTCHA or challenge act like Count), or a terminating `block`, `captcha` or `challenge`.
 */
export type RateOutcome = 'under' | 'count' | 'token' | 'block' | 'captcha' | 'challenge';

/** The rule's outcome for a request, from whether its address is over the limit, the action, and its token. */
export function rateOutcome(over: boolean, action: RateAction, tokenValid: boolean): RateOutcome {
  if (!over) return 'under';
  if (action === 'captcha' || action === 'challenge') return tokenValid ? 'token' : action;
  return action;
}

/** Whether a token solved at `solvedAtMs` is still valid at `nowMs`. */
export function tokenValid(solvedAtMs: number | undefined, nowMs: number, immunityS: number): boolean {
  return solvedAtMs !== undefined && nowMs - solvedAtMs <= immunityS * 1000;
}

const ACTION_OF: Readonly<Record<RateAction, WafAction>> = { block: 'BLOCK', captcha: 'CAPTCHA', challenge: 'CHALLENGE', count: 'COUNT' };

export class RateRule {
  readonly counter: RateCounter;
  /** When each client solved its latest puzzle or challenge; forgotten once it has expired and is looked at. */
  private readonly solvedAt = new Map<Address, number>();
  /** The web ACL's verdicts with this rule's outcome added, by the managed rules' verdict: a handful per payload. */
  private readonly combined = new WeakMap<AclVerdict, Map<RateOutcome, AclVerdict>>();

  constructor(readonly settings: Pick<Scenario['waf'], 'rateLimit' | 'rateWindowS' | 'rateAction' | 'immunityS'>) {
    this.counter = new RateCounter(settings.rateLimit, settings.rateWindowS);
  }

  /**
   * Counts a request from `address` and decides what the rule does to it. A person's browser that meets a CAPTCHA or
   * a challenge solves it, so its later requests carry a token.
   */
  decide(address: Address, person: boolean, nowMs: number): RateOutcome {
    const over = this.counter.hit(address, nowMs);
    if (!over) return 'under';
    const { rateAction, immunityS } = this.settings;
    const solved = this.solvedAt.get(address);
    const valid = tokenValid(solved, nowMs, immunityS);
    if (solved !== undefined && !valid) this.solvedAt.delete(address);
    const outcome = rateOutcome(over, rateAction, valid);
    if ((outcome === 'captcha' || outcome === 'challenge') && person) this.solvedAt.set(address, nowMs);
    return outcome;
  }

  /** The web ACL's verdict once this rule has had its say, after the managed rules' `managed` verdict let the request on. */
  verdict(managed: AclVerdict, outcome: RateOutcome): AclVerdict {
    let known = this.combined.get(managed);
    if (!known) this.combined.set(managed, (known = new Map()));
    let verdict = known.get(outcome);
    if (!verdict) known.set(outcome, (verdict = this.combine(managed, outcome)));
    return verdict;
  }

  private combine(managed: AclVerdict, outcome: RateOutcome): AclVerdict {
    const { rateLimit, rateWindowS, rateAction } = this.settings;
    const action = ACTION_OF[rateAction];
    const over = `over ${rateLimit} requests from one address in ${rateWindowS} s at the last check`;
    const evaluation: RuleEvaluation = {
      rule: RATE_RULE_NAME,
      priority: RATE_RULE_PRIORITY,
      action,
      matched: outcome !== 'under',
      ...(outcome === 'under' ? {} : { label: RATE_RULE_NAME, reason: outcome === 'token' ? `${over}, but the request carries a valid token` : over }),
    };
    const evaluations = [...managed.evaluations, evaluation];
    if (outcome === 'under') return { ...managed, evaluations };
    if (outcome === 'count' || outcome === 'token') return { ...managed, evaluations, counted: [...managed.counted, evaluation] };
    return { action: action as AclVerdict['action'], terminatingRule: RATE_RULE_NAME, terminatingLabel: RATE_RULE_NAME, evaluations, counted: managed.counted };
  }
}
