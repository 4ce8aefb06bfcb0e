/**
 * The rules across fields: what each setting's own bounds cannot say. The schema checks every rule, so a file
 * that breaks one is refused with an error naming the rule's path; a share link instead puts the settings the
 * rule names back to its starting point's values, with a notice, and keeps the rest of the link.
 */
import type { ScenarioPath } from './paths';
import type { Scenario } from './schema';
import { RATE_LIMIT_MIN, RATE_WINDOWS_S } from './vocabulary';

export interface CrossFieldRule {
  /** The setting a file's error and a link's notice name. */
  path: ScenarioPath;
  message: string;
  holds(scenario: Scenario): boolean;
  /** The settings a link puts back to its starting point's values when the rule is broken. */
  resets: readonly ScenarioPath[];
  /** What the link's notice adds about that. */
  afterReset: string;
}

export const RULES: readonly CrossFieldRule[] = [
  {
    // CloudFront refuses a cache policy whose TTLs are out of order (CloudFront CachePolicy API, MinTTL/DefaultTTL/MaxTTL).
    path: 'cache.minTtl',
    message: 'CloudFront needs minTtl ≤ defaultTtl ≤ maxTtl',
    holds: ({ cache: c }) => c.minTtl <= c.defaultTtl && c.defaultTtl <= c.maxTtl,
    resets: ['cache.minTtl', 'cache.defaultTtl', 'cache.maxTtl'],
    afterReset: 'the TTLs were reset to their defaults',
  },
  {
    // A single run sends one request, which is either an API call or a static file.
    path: 'request.kind',
    message: 'a mix of API and static requests needs mode “traffic”',
    holds: ({ mode, request }) => request.kind !== 'mix' || mode === 'traffic',
    resets: ['request.kind'],
    afterReset: 'the kind was reset to its starting value',
  },
  {
    // Warm-up seconds are left out of the summary; a warm-up as long as the run would leave nothing to summarise.
    path: 'traffic.warmupS',
    message: 'the warm-up must be shorter than the run (warmup < duration)',
    holds: ({ traffic }) => traffic.warmupS < traffic.durationS,
    resets: ['traffic.warmupS', 'traffic.durationS'],
    afterReset: 'warmup and duration were reset to their starting values',
  },
  {
    // CloudFront Developer Guide, "Restrictions on all edge functions": a cache behaviour cannot combine CloudFront
    // Functions and Lambda@Edge in viewer events (viewer request and viewer response).
    path: 'cdn.lambdaEdge',
    message: 'CloudFront Functions and Lambda@Edge cannot both run on viewer events (viewer-request, viewer-response)',
    holds: ({ cdn }) => cdn.cfFunctions.length === 0 || !cdn.lambdaEdge.some((event) => event.startsWith('viewer-')),
    resets: ['cdn.lambdaEdge'],
    afterReset: 'lambdaEdge was reset to its starting value',
  },
  {
    // AWS WAF refuses a rate-based rule's limit below 10 (API Reference, RateBasedStatement: Limit); 0 here means no rule.
    path: 'waf.rateLimit',
    message: `a rate-based rule's limit is at least ${RATE_LIMIT_MIN} (0: no rule)`,
    holds: ({ waf }) => waf.rateLimit === 0 || waf.rateLimit >= RATE_LIMIT_MIN,
    resets: ['waf.rateLimit'],
    afterReset: 'the limit was reset to its starting value',
  },
  {
    // The evaluation window is one of four (AWS WAF Developer Guide, "Rate-based rule high-level settings").
    path: 'waf.rateWindowS',
    message: `a rate-based rule looks back ${RATE_WINDOWS_S.join(', ')} s`,
    holds: ({ waf }) => (RATE_WINDOWS_S as readonly number[]).includes(waf.rateWindowS),
    resets: ['waf.rateWindowS'],
    afterReset: 'the window was reset to its starting value',
  },
  {
    // A challenge's immunity time is at least 300 s, a CAPTCHA's at least 60 (AWS WAF API Reference, ImmunityTimeProperty).
    path: 'waf.immunityS',
    message: 'a challenge’s immunity time is at least 300 s',
    holds: ({ waf }) => waf.rateAction !== 'challenge' || waf.immunityS >= 300,
    resets: ['waf.immunityS', 'waf.rateAction'],
    afterReset: 'the immunity time and the action were reset to their starting values',
  },
];
