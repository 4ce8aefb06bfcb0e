/**
 * An origin group (CloudFront Developer Guide, "Optimize high availability with CloudFront origin failover"): a
 * primary and a secondary origin. CloudFront sends every request to the primary, even just after another failed
 * over: there is no stickiness. It turns to the secondary only when the primary answers with one of the chosen status
 * codes (from 400, 403, 404, 416, 500, 502, 503 and 504), or cannot be connected to, or does not answer in time; and
 * only for GET, HEAD and OPTIONS. Any other method gets the primary's answer, whatever it is.
 */
import type { FailoverStatusCode, HttpMethod } from '@/lib/scenario/schema';
import { note, type SimContext, type Tag } from '../context';
import { statusLine, type HttpRequest, type HttpResponse } from '../http';
import type { Task } from '../kernel/kernel';

/** The failover criteria: the chosen status codes; a failed connection or a timeout always counts. */
export interface FailoverCriteria {
  readonly statusCodes: ReadonlySet<number>;
}

export function failoverCriteria(codes: readonly FailoverStatusCode[]): FailoverCriteria {
  return { statusCodes: new Set(codes.map(Number)) };
}

/** The methods CloudFront fails over (same page). */
const FAILS_OVER: ReadonlySet<HttpMethod> = new Set<HttpMethod>(['GET', 'HEAD', 'OPTIONS']);

/** Whether the primary's result meets the criteria: no answer at all (connection or timeout), or a chosen status. */
export function primaryFailed(criteria: FailoverCriteria, res: HttpResponse | null): boolean {
  return res === null || criteria.statusCodes.has(res.status);
}

/** Tries the primary and, when it fails by the criteria and the method allows, the secondary. */
export function* throughOriginGroup(
  ctx: SimContext,
  criteria: FailoverCriteria,
  req: HttpRequest,
  primary: () => Task<HttpResponse | null>,
  secondary: () => Task<HttpResponse | null>,
): Task<HttpResponse | null> {
  const res = yield* primary();
  if (!primaryFailed(criteria, res)) return res;
  const tag: Tag = { requestId: req.requestId, attempt: req.attempt };
  const what = res === null ? 'could not be reached in time' : `answered ${statusLine(res.status)}, a failover code`;
  if (!FAILS_OVER.has(req.method)) {
    note(ctx, tag, 'edge', {
      kind: 'give-up',
      narration: () => `The primary origin ${what}, but CloudFront fails over only GET, HEAD and OPTIONS: this ${req.method} gets the primary's answer.`,
      decision: `no failover for ${req.method}`,
    });
    return res;
  }
  ctx.counters.failovers += 1;
  note(ctx, tag, 'edge', {
    kind: 'origin-failover',
    narration: () => `The primary origin ${what}: CloudFront sends the same request to the origin group's secondary. The next request still tries the primary first.`,
    decision: () => `failover: primary ${res === null ? 'no answer' : res.status} → secondary`,
  });
  return yield* secondary();
}
