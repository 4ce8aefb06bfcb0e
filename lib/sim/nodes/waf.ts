/**
 * The web ACL as a step of the edge's request processing: AWS WAF on CloudFront evaluates the viewer
 * request at the edge, before the cache lookup and before any Lambda@Edge viewer-request function
 * (CloudFront Developer Guide, "Request and response behavior"; AWS WAF Developer Guide).
 */
import { note, span, type SimContext, type Tag } from '../context';
import type { HttpRequest } from '../http';
import type { Task } from '../kernel/kernel';
import { BROWSER_IP } from '../site';
import { defaultWebAcl, evaluateWebAcl, type AclVerdict } from '../waf/web-acl';
import type { WafMode } from '@/lib/scenario/schema';
import type { World } from '../world';

/** Time the web ACL takes to evaluate a request. *assumed* (AWS WAF adds a few milliseconds at most). */
const WAF_EVALUATION_MS = 1;

/** Verdicts already reached in a world, by what the rules read. Bounded: many distinct payloads just start afresh. */
const verdictsByWorld = new WeakMap<World, RememberedVerdicts>();
const MAX_REMEMBERED_VERDICTS = 4096;

/**
 * The web ACL's verdict on a request. The rules are pure functions of the request's source, query and body, so
 * the same request gets the same verdict: many requests with one payload are judged once.
 */
/** The verdicts a world's web ACL has reached, and the last one again: traffic sends the same payload over and over. */
interface RememberedVerdicts {
  byContent: Map<string, AclVerdict>;
  last: { query: string; body: string | null; verdict: AclVerdict } | null;
}

function verdictFor(ctx: SimContext, mode: Exclude<WafMode, 'off'>, req: HttpRequest): AclVerdict {
  let known = verdictsByWorld.get(ctx.world);
  if (!known) verdictsByWorld.set(ctx.world, (known = { byContent: new Map(), last: null }));
  const { last } = known;
  if (last && last.query === req.query && last.body === req.body) return last.verdict;
  const key = `${req.query}\u0000${req.body ?? ''}\u0000${req.body === null ? 0 : 1}`;
  let verdict = known.byContent.get(key);
  if (!verdict) {
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
  const verdict = verdictFor(ctx, mode, req);

  yield* span(ctx, tag, 'edge', 'waf', WAF_EVALUATION_MS, {
    kind: 'waf-inspect',
    leg: 'request',
    narration: 'The edge hands the decrypted request to the WAF web ACL, which runs its rules in priority order.',
    decision: () => verdict.evaluations.map((e) => `${e.priority} ${e.rule}: ${e.matched ? `match ${e.label}` : 'no match'}`).join(' · '),
    detail: () => Object.fromEntries(verdict.evaluations.map((e) => [`rule ${e.priority}`, `${e.rule} (${e.action}) ${e.matched ? `matched ${e.label}: ${e.reason}` : 'no match'}`])),
  });

  for (const counted of verdict.counted) {
    note(ctx, tag, 'waf', {
      kind: 'waf-count',
      narration: () => `Rule ${counted.label} matches (${counted.reason}), but its action is COUNT: WAF records the match and lets the request go on.`,
      decision: `WAF rule ${counted.label} → COUNT`,
    });
  }
  if (verdict.action === 'BLOCK') {
    const evaluation = verdict.evaluations.find((e) => e.rule === verdict.terminatingRule);
    note(ctx, tag, 'waf', {
      kind: 'waf-block',
      status: 403,
      narration: () => `WAF blocks the request: ${evaluation?.reason ?? 'a rule matched'}. It never reaches the cache or the origin.`,
      decision: `WAF rule ${verdict.terminatingLabel} → BLOCK 403`,
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
