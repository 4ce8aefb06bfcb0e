/**
 * The web ACL as a step of the edge's request processing: AWS WAF on CloudFront evaluates the viewer
 * request at the edge, before the cache lookup and before any Lambda@Edge viewer-request function
 * (CloudFront Developer Guide, "Request and response behavior"; AWS WAF Developer Guide).
 */
import { note, span, type SimContext, type Tag } from '../context';
import type { HttpRequest, HttpResponse } from '../http';
import type { Task } from '../kernel/kernel';
import { BROWSER_IP } from '../site';
import { addressText, BROWSER_ADDRESS, type Address } from '../clients';
import { RATE_RULE_NAME, type RateRule } from '../waf/rate-rule';
import { defaultWebAcl, evaluateWebAcl, type AclVerdict } from '../waf/web-acl';
import type { WafMode } from '@/lib/scenario/schema';
import type { World } from '../world';

/** Time the web ACL takes to evaluate a request. *assumed* (AWS WAF adds a few milliseconds at most). */
const WAF_EVALUATION_MS = 1;

/** Verdicts already reached in a world, by what the rules read. Bounded: many distinct payloads just start afresh. */
const verdictsByWorld = new WeakMap<World, RememberedVerdicts>();
const MAX_REMEMBERED_VERDICTS = 4096;

/** The verdicts a world's web ACL has reached, and the last one again: traffic sends the same payload over and over. */
interface RememberedVerdicts {
  byContent: Map<string, AclVerdict>;
  last: { query: string; body: string | null; verdict: AclVerdict } | null;
}

/**
 * The web ACL's verdict on a request. The rules are pure functions of the request's source, query and body, so
 * the same request gets the same verdict: many requests with one payload are judged once.
 */

function verdictFor(ctx: SimContext, mode: Exclude<WafMode, 'off'>, req: HttpRequest): AclVerdict {
  let known = verdictsByWorld.get(ctx.world);
  if (!known) verdictsByWorld.set(ctx.world, (known = { byContent: new Map(), last: null }));
  const { last } = known;
  if (last && last.query === req.query && last.body === req.body) return last.verdict;
  const key = `${req.query}\u0000${req.body ?? ''}\u0000${req.body === null ? 0 : 1}`;
  let verdict = known.byContent.get(key);
  if (!verdict) {
    // Every client of a traffic run is outside the office network, so the browser's address judges them all alike.
    verdict = evaluateWebAcl(defaultWebAcl(mode), { sourceIp: BROWSER_IP, query: req.query, body: req.body });
    if (known.byContent.size >= MAX_REMEMBERED_VERDICTS) known.byContent.clear();
    known.byContent.set(key, verdict);
  }
  known.last = { query: req.query, body: req.body, verdict };
  return verdict;
}

export function* inspect(ctx: SimContext, req: HttpRequest): Task<AclVerdict | null> {
  const mode = ctx.world.wafMode;
  if (mode === 'off') return null;
  const tag: Tag = { requestId: req.requestId, attempt: req.attempt };
  const managed = verdictFor(ctx, mode, req);
  const { rateRule } = ctx.world;
  const address = req.sourceAddress ?? BROWSER_ADDRESS;
  // The rate-based rule comes after the managed groups: a request they blocked, or the office network's ALLOW, never reaches it.
  const rate = rateRule && managed.action === 'ALLOW' && managed.terminatingRule === null ? rateRule.decide(address, !req.bot, ctx.kernel.now) : null;
  const verdict = rateRule && rate ? rateRule.verdict(managed, rate) : managed;
  if (rate === 'count' || rate === 'token') ctx.counters.rateCounted += 1;

  yield* span(ctx, tag, 'edge', 'waf', WAF_EVALUATION_MS, {
    kind: 'waf-inspect',
    leg: 'request',
    narration: 'The edge hands the decrypted request to the WAF web ACL, which runs its rules in priority order.',
    decision: () => verdict.evaluations.map((e) => `${e.priority} ${e.rule}: ${e.matched ? `match ${e.label}` : 'no match'}`).join(' · '),
    detail: () => Object.fromEntries(verdict.evaluations.map((e) => [`rule ${e.priority}`, `${e.rule} (${e.action}) ${e.matched ? `matched ${e.label}: ${e.reason}` : 'no match'}`])),
  });

  for (const counted of verdict.counted) {
    const why = () => (rateRule && counted.rule === RATE_RULE_NAME ? overLimit(rateRule, address) : counted.reason);
    note(ctx, tag, 'waf', {
      kind: 'waf-count',
      narration: () =>
        counted.action === 'COUNT'
          ? `Rule ${counted.label} matches (${why()}), but its action is COUNT: WAF records the match and lets the request go on.`
          : `Rule ${counted.label} matches (${why()}), but the request carries a valid ${counted.action} token: WAF handles it like COUNT and lets it go on.`,
      decision: `WAF rule ${counted.label} → COUNT`,
    });
  }
  if (verdict.action === 'BLOCK') {
    ctx.counters[verdict.terminatingRule === RATE_RULE_NAME ? 'rateLimited' : 'wafBlocked'] += 1;
    const evaluation = verdict.evaluations.find((e) => e.rule === verdict.terminatingRule);
    note(ctx, tag, 'waf', {
      kind: 'waf-block',
      status: 403,
      narration: () => `WAF blocks the request: ${rateRule && rate === 'block' ? overLimit(rateRule, address) : (evaluation?.reason ?? 'a rule matched')}. It never reaches the cache or the origin.`,
      decision: `WAF rule ${verdict.terminatingLabel} → BLOCK 403`,
      detail: { rule: verdict.terminatingRule ?? '', label: verdict.terminatingLabel ?? '' },
    });
  } else if (verdict.action === 'CAPTCHA' || verdict.action === 'CHALLENGE') {
    const captcha = verdict.action === 'CAPTCHA';
    ctx.counters.rateLimited += 1;
    ctx.counters[captcha ? 'captchas' : 'challenges'] += 1;
    note(ctx, tag, 'waf', {
      kind: 'waf-block',
      status: captcha ? 405 : 202,
      narration: () =>
        `${rateRule ? overLimit(rateRule, address) : 'The address is over the limit'}, and the request carries no valid token: WAF stops it with ${captcha ? '405 and a CAPTCHA' : '202 and a silent challenge'}` +
        (acceptsHtml(req) ? '.' : `. The request accepts ${req.headers.accept ?? 'anything'}, not text/html, so no ${captcha ? 'puzzle' : 'challenge script'} comes with it: only a page load can show one.`),
      decision: `WAF rule ${verdict.terminatingLabel} → ${verdict.action} ${captcha ? 405 : 202}`,
      detail: { rule: verdict.terminatingRule ?? '', label: verdict.terminatingLabel ?? '' },
    });
  } else {
    note(ctx, tag, 'waf', {
      kind: 'waf-allow',
      narration: verdict.terminatingRule
        ? `Rule ${verdict.terminatingRule} allows the request outright; the rules after it are skipped.`
        : 'No rule stops the request, so the web ACL\'s default action applies: ALLOW.',
      decision: verdict.terminatingRule ? `WAF rule ${verdict.terminatingRule} → ALLOW` : 'WAF default action → ALLOW',
    });
  }
  return verdict;
}

/** Why the rate-based rule matched this address, in words. */
function overLimit(rule: RateRule, address: Address): string {
  const { rateLimit, rateWindowS } = rule.settings;
  return `${addressText(address)} had sent ${rule.counter.countedAtCheck(address)} requests in the ${rateWindowS} s before the rule last checked, over its limit of ${rateLimit}`;
}

function acceptsHtml(req: HttpRequest): boolean {
  return (req.headers.accept ?? '').includes('text/html');
}

/**
 * What the viewer gets when the web ACL stops a request: AWS WAF's default 403 for a block; for a CAPTCHA, 405 Method
 * Not Allowed, and for a challenge, 202 Accepted, each with `x-amzn-waf-action`, and the interstitial page only when
 * the request accepts text/html (AWS WAF API Reference, CaptchaAction and ChallengeAction).
 */
export function wafAnswer(verdict: AclVerdict, req: HttpRequest): HttpResponse {
  if (verdict.action === 'BLOCK') return { status: 403, headers: { 'content-type': 'text/html', server: 'CloudFront' }, body: 'Request blocked.', origin: 'waf', blockedBy: 'waf' };
  const captcha = verdict.action === 'CAPTCHA';
  const html = acceptsHtml(req);
  return {
    status: captcha ? 405 : 202,
    headers: { 'x-amzn-waf-action': captcha ? 'captcha' : 'challenge', server: 'CloudFront', ...(html ? { 'content-type': 'text/html' } : {}) },
    body: html ? (captcha ? '(the CAPTCHA puzzle page)' : '(the challenge script page)') : null,
    origin: 'waf',
    blockedBy: 'waf',
  };
}
