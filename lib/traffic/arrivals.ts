/**
 * Who arrives and what they ask for: each arrival draws its kind (static or API, by the mix), its object (Zipf) and
 * whether it carries the attack payload, from the run's `arrivals` stream.
 */
import type { Scenario } from '@/lib/scenario/schema';
import type { RequestSpec } from '@/lib/sim/nodes/browser';
import type { Random } from '@/lib/sim/random';
import { apiPathFor } from '@/lib/sim/site';
import { visitorAddress, visitorOf } from '@/lib/sim/clients';
import type { TrafficPlan } from './plan';
import type { Zipf } from './zipf';

/** One arrival, decided when it arrives. */
export interface Arrival {
  id: string;
  spec: RequestSpec;
  kind: 'api' | 'static';
  attack: boolean;
}

/** What each arrival asks for: its kind, its object, whether it carries the attack payload. */
export function arrivalsFrom(plan: TrafficPlan, scenario: Scenario, random: Random, zipf: Zipf) {
  const { method, payload } = scenario.request;
  // One string per URL, made the first time it is asked for: the cache tiers key their maps by it, and V8 keeps a
  // string's hash in the string, so the same URL asked for again is not hashed again (nor allocated).
  const staticPaths: string[] = [];
  const apiPaths: string[] = [];
  return (n: number): Arrival => {
    const kind = plan.kind === 'mix' ? (random.next() < plan.staticShare ? 'static' : 'api') : plan.kind;
    const object = zipf.sample(random.next());
    const attack = random.next() < plan.attackShare;
    // Static files are only ever read; the API takes the scenario's method, its reads spread over the objects.
    const read = kind === 'static' || method === 'GET' || method === 'HEAD';
    const path =
      kind === 'static' ? (staticPaths[object] ??= `/static/assets/${object}.js`) : read ? (apiPaths[object] ??= `/api/products/${object}`) : apiPathFor(method);
    // Each visitor sends from an address of their own; which visitor this is, is a hash of the arrival's number, not a draw.
    const sourceAddress = visitorAddress(visitorOf(n, plan.visitors));
    return { id: `t${n}`, kind, attack, spec: { method: kind === 'static' ? 'GET' : method, payload: attack ? 'sqli' : payload, path, sourceAddress } };
  };
}


/** A moment the arrival rate changes: from `atMs` on, visitors arrive at `factor` times the plan's rate. */
export interface RateChange {
  atMs: number;
  factor: number;
}

/** The timeline's spikes as changes of the arrival rate, in time order: a `spike` multiplies it, a `spike-end` restores it. */
export function rateChanges(plan: TrafficPlan): RateChange[] {
  const changes: RateChange[] = [];
  for (const { atS, action } of plan.timeline) {
    if (action === 'spike') changes.push({ atMs: atS * 1000, factor: plan.spikeFactor });
    else if (action === 'spike-end') changes.push({ atMs: atS * 1000, factor: 1 });
  }
  return changes;
}
