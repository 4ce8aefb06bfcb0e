/**
 * Code CloudFront runs at its trigger points (CloudFront Developer Guide, "Choosing between CloudFront Functions and
 * Lambda@Edge"): CloudFront Functions on the viewer request and the viewer response; Lambda@Edge on those and on the
 * origin request and the origin response too. Each run is work at the edge location, and CloudFront waits for it
 * before it goes on ("CloudFront events that can trigger a Lambda@Edge function").
 *
 * When each runs ("Restrictions on all edge functions"; "CloudFront events that can trigger a Lambda@Edge function"):
 * - viewer request: every request the WAF lets through, before the cache is looked at, hits included;
 * - origin request: only when CloudFront sends the request to the origin (a miss; each origin an origin group tries);
 * - origin response: when the origin's answer arrives, before it is cached, errors included;
 * - viewer response: before the answer leaves for the viewer, hit or miss, but never for a status of 400 or more.
 *
 * A CloudFront Function takes under a millisecond. A Lambda@Edge run takes longer, and longer still when Lambda has no
 * free execution environment for it and must start one first (a cold start: its Init phase, "Understanding the Lambda
 * execution environment lifecycle"). Environments are counted: a run finds a free one, or starts one that is kept for
 * the rest of the run (Lambda keeps idle environments for a time it does not document).
 */
import type { EdgeFunctionEvent, Scenario } from '@/lib/scenario/schema';
import { work, type SimContext, type Tag } from '../context';
import type { Task } from '../kernel/kernel';

export type EdgeFunctionService = 'CloudFront Functions' | 'Lambda@Edge';

/** The function associated with one event. Lambda@Edge's execution environments are counted, not drawn one by one. */
export interface EdgeFunction {
  readonly event: EdgeFunctionEvent;
  readonly service: EdgeFunctionService;
  /** One run's time, warm. *assumed* */
  readonly runMs: number;
  /** What starting an execution environment adds (Lambda@Edge only). *assumed* */
  readonly coldStartMs: number;
  /** Execution environments started so far, and how many are running a request now (Lambda@Edge only). */
  environments: number;
  busy: number;
}

/** The function on each event, or null where none runs. */
export type EdgeFunctions = Readonly<Record<EdgeFunctionEvent, EdgeFunction | null>>;

const EVENTS: readonly EdgeFunctionEvent[] = ['viewer-request', 'origin-request', 'origin-response', 'viewer-response'];

/**
 * The distribution's functions, or null when there are none (the default, which then costs nothing per request).
 * `warm` (the scenario's server side starts warm) gives each Lambda@Edge function one environment already started.
 */
export function edgeFunctionsFor(cdn: Scenario['cdn'], warm: boolean): EdgeFunctions | null {
  if (cdn.cfFunctions.length === 0 && cdn.lambdaEdge.length === 0) return null;
  const functions = {} as Record<EdgeFunctionEvent, EdgeFunction | null>;
  for (const event of EVENTS) {
    // The rules keep CloudFront Functions and Lambda@Edge apart on viewer events (lib/scenario/rules.ts).
    const cloudFront = (cdn.cfFunctions as readonly string[]).includes(event);
    const lambda = cdn.lambdaEdge.includes(event);
    functions[event] = cloudFront
      ? { event, service: 'CloudFront Functions', runMs: cdn.cfFunctionMs, coldStartMs: 0, environments: 0, busy: 0 }
      : lambda
        ? { event, service: 'Lambda@Edge', runMs: cdn.lambdaMs, coldStartMs: cdn.lambdaColdStartMs, environments: warm ? 1 : 0, busy: 0 }
        : null;
  }
  return functions;
}

/** Whether a response goes through the viewer-response function: never a status of 400 or more. */
export function viewerResponseRuns(status: number): boolean {
  return status < 400;
}

const WHEN: Readonly<Record<EdgeFunctionEvent, string>> = {
  'viewer-request': 'on the viewer request, before the cache is looked at: it runs for every request, hits included',
  'origin-request': 'on the origin request: only a request that goes to the origin runs it',
  'origin-response': 'on the origin response, before the answer is cached: it runs for errors too',
  'viewer-response': 'on the viewer response, before the answer leaves for the browser, hit or miss',
};

/** One run of `fn` at its trigger point, for the request `tag` names: work at the edge location. */
export function* runEdgeFunction(ctx: SimContext, tag: Tag, fn: EdgeFunction): Task<void> {
  ctx.counters.functionRuns += 1;
  if (fn.service === 'CloudFront Functions') {
    yield* work(ctx, tag, 'edge', fn.runMs, {
      kind: 'edge-function',
      narration: () => `A CloudFront Function runs ${WHEN[fn.event]} (${fn.runMs} ms).`,
      decision: () => `CloudFront Functions ${fn.event}: ${fn.runMs} ms`,
    });
    return;
  }
  const cold = fn.busy >= fn.environments;
  if (cold) {
    fn.environments += 1;
    ctx.counters.coldStarts += 1;
  }
  fn.busy += 1;
  try {
    yield* work(ctx, tag, 'edge', (cold ? fn.coldStartMs : 0) + fn.runMs, {
      kind: 'edge-function',
      narration: () =>
        cold
          ? `Lambda@Edge runs ${WHEN[fn.event]}. No execution environment is free for it, so Lambda starts one first (a cold start, ${fn.coldStartMs} ms), then runs the function (${fn.runMs} ms).`
          : `Lambda@Edge runs ${WHEN[fn.event]} (${fn.runMs} ms), in an execution environment already started.`,
      decision: () => `Lambda@Edge ${fn.event}: ${cold ? `cold start ${fn.coldStartMs} ms + ` : ''}${fn.runMs} ms`,
      detail: () => ({ coldStart: cold, environments: fn.environments }),
    });
  } finally {
    // A run cut short (its visitor gone) gives its environment back too.
    fn.busy -= 1;
  }
}
