/**
 * What flows on each link of the diagram at one stretch of a traffic run, read from the engine's series. Pure.
 *
 * The dots the diagram moves are a picture of these rates, not traffic of their own: a link shows as many dots as
 * its rate divided by the scale (`perDot`), and the kinds of dot in the shares the series gives. Nothing here
 * draws a request the engine did not count.
 */
import type { Scenario } from '@/lib/scenario/schema';
import type { NodeId } from '@/lib/sim';
import type { SeriesPoint } from '@/lib/traffic';

/** What a dot stands for: a visitor's request, one answered with a server error, a bot's request, one the WAF stopped. */
export type DotKind = 'request' | 'error' | 'bot' | 'stopped';
/** In drawing order, and the order of `LinkFlow.shares`. */
export const DOT_KINDS: readonly DotKind[] = ['request', 'error', 'bot', 'stopped'];

export interface LinkFlow {
  /** The drawn link's id (lib/sim/topology.ts `links`). */
  linkId: string;
  /** The way requests travel on it. */
  from: NodeId;
  to: NodeId;
  /** Requests (or calls, or queries) per second on the link, every kind together. */
  perS: number;
  /** The share of each kind among them, in `DOT_KINDS` order, summing to 1 when `perS` > 0. */
  shares: readonly number[];
  /** What the link's number counts, in a sentence: "requests", "queries". */
  unit: string;
}

/** The links that carry a rate the series has, on the way requests go. The edge's link to S3 has none of its own. */
const VISITORS = ['browser-shield', 'shield-edge'] as const;
const ORIGIN = ['edge-alb', 'alb-web', 'web-app'] as const;

/** Every link that can carry dots, in a fixed order: the order the dot field keeps them in. */
export const FLOW_LINKS: readonly { linkId: string; from: NodeId; to: NodeId }[] = [...VISITORS, ...ORIGIN, 'app-db', 'app-thirdparty'].map((linkId) => {
  // Each id is `<from>-<to>` in the way requests go (lib/sim/topology.ts).
  const [from, to] = linkId.split('-') as [NodeId, NodeId];
  return { linkId, from, to };
});

function flow(linkId: string, perS: number, counts: readonly number[], unit: string): LinkFlow {
  const { from, to } = FLOW_LINKS.find((l) => l.linkId === linkId)!;
  const total = counts.reduce((a, b) => a + b, 0);
  return { linkId, from, to, perS, shares: counts.map((c) => (total > 0 ? c / total : 0)), unit };
}

/**
 * The flows of one stretch. From the browser to the edge go the visitors' calls (`browserCallsPerS`: every request
 * sent, retries included, static files too; the answers, `rps`, lag behind when the system is slow) and the bots'
 * requests. The series says how many of them the WAF stopped, not whose: they are taken from the bots first, since
 * only a flood's bots trip the rate-based rule, then from the visitors (an attack payload the managed rules
 * blocked). The visitors' server errors are `errorRate` of their answers, shown among their calls; on the origin's
 * links, those same errors among the origin's requests.
 */
export function linkFlows(p: SeriesPoint): LinkFlow[] {
  const visitors = p.browserCallsPerS;
  const total = visitors + p.botRps;
  const stopped = Math.min(p.wafStoppedPerS, total);
  const botsPassed = Math.max(0, p.botRps - stopped);
  const visitorsStopped = stopped - (p.botRps - botsPassed);
  const errors = Math.min(p.errorRate * p.rps, Math.max(0, visitors - visitorsStopped));
  const visitorsOk = Math.max(0, visitors - visitorsStopped - errors);
  const originErrors = Math.min(errors, p.originRps);
  return [
    ...VISITORS.map((id) => flow(id, total, [visitorsOk, errors, botsPassed, stopped], 'requests')),
    ...ORIGIN.map((id) => flow(id, p.originRps, [p.originRps - originErrors, originErrors, 0, 0], 'origin requests')),
    flow('app-db', p.dbCallsPerS, [p.dbCallsPerS, 0, 0, 0], 'queries'),
    flow('app-thirdparty', p.paymentsCallsPerS, [p.paymentsCallsPerS, 0, 0, 0], 'calls'),
  ];
}

/** The most dots the diagram keeps in flight at once, about. */
export const MAX_DOTS = 200;

/** 1, 2, 5, 10, 20, 50, …: the smallest at or above `x`, so the legend's number reads at a glance. */
export function niceCeil(x: number): number {
  if (!(x > 1)) return 1;
  const power = 10 ** Math.floor(Math.log10(x));
  for (const step of [1, 2, 5, 10]) if (step * power >= x - 1e-9) return step * power;
  return 10 * power;
}

/**
 * Requests per second one dot stands for: the smallest round number that keeps the busiest stretch of the run
 * under `MAX_DOTS` dots in flight over all links together. At least 1: a quiet run shows fewer dots, never
 * fractions of a request.
 */
export function perDot(series: readonly SeriesPoint[], max = MAX_DOTS): number {
  let busiest = 0;
  for (const p of series) busiest = Math.max(busiest, linkFlows(p).reduce((sum, f) => sum + f.perS, 0));
  return niceCeil(busiest / max);
}

/** Dots on each link: its rate over the scale, fractional (a link at a third of a dot shows one a third of the time). */
export function dotCounts(flows: readonly LinkFlow[], scale: number): Map<string, number> {
  return new Map(flows.map((f) => [f.linkId, f.perS / scale]));
}

/** The stretch the playhead is in: the last whose start is at or before it (the first before the run starts). */
export function stretchAt(series: readonly SeriesPoint[], atS: number): number {
  let lo = 0;
  let hi = series.length - 1;
  if (hi < 0) return -1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (series[mid]!.t <= atS) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Where the playhead can go: to the end of the last stretch, or of the arrivals if the series stops short. */
export function runEndS(series: readonly SeriesPoint[], bucketS: number, durationS: number): number {
  const last = series.at(-1);
  return Math.max(durationS, last ? last.t + bucketS : 0);
}

/** The edges whose breakers the series counts (the pods' calls), and how many breakers that makes. */
export function breakerEdges(scenario: Scenario): { links: string[]; total: number } {
  const { breaker, breakerAt } = scenario.resilience;
  if (breaker === 'off') return { links: [], total: 0 };
  const links = [...(breakerAt.includes('db') ? ['app-db'] : []), ...(breakerAt.includes('thirdparty') ? ['app-thirdparty'] : [])];
  return { links, total: links.length * scenario.app.pods };
}
