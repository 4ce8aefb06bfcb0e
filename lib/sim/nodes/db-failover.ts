/**
 * An RDS Multi-AZ failover, and how long each app pod is cut off by it. Three causes add up:
 *
 * 1. The failover itself. The standby is promoted and the endpoint's DNS record (a CNAME) is changed to name it:
 *    typically 60–120 s for a Multi-AZ DB instance (Amazon RDS User Guide, "Failing over a Multi-AZ DB instance"),
 *    typically under 35 s for a Multi-AZ DB cluster ("Failing over a Multi-AZ DB cluster"). The length is drawn
 *    within that range, from its own stream; the cluster's page gives no lower bound, so its draw spans 0–35 s.
 *    Until then the old primary is fenced off: a client gets no TCP traffic from it, and how long it waits is up to
 *    the client (AWS Knowledge Center, "Why is my connection redirected to the reader instance when I try to connect
 *    to my Amazon Aurora writer endpoint?").
 * 2. DNS. Each pod keeps the endpoint's old address until its cached answer expires: at a moment spread evenly over
 *    the TTL it caches for (`db.dnsTtlS`), since it last asked at any moment.
 * 3. The driver. Once its connections fail, it tries to reconnect every `db.reconnectMs` (*assumed*), counted from
 *    the failure; the first try after the pod resolves the new address gets through.
 *
 * A pod is back at the failure plus the failover plus its DNS wait, rounded up to its driver's next try. Until then
 * its queries meet a silent address, as with a database that is down.
 */
import { note, type SimContext, type Tag } from '../context';
import { formatSeconds } from '../http';
import type { Resource } from '../kernel/kernel';
import type { Random } from '../random';
import type { DbHaKind } from '@/lib/scenario/schema';
import type { World } from '../world';

/** Typical failover times, in seconds (Amazon RDS User Guide, see the file header). */
export const FAILOVER_RANGE_S: Readonly<Record<DbHaKind, readonly [number, number]>> = {
  instance: [60, 120],
  cluster: [0, 35],
};

export interface DbFailover {
  ha: DbHaKind;
  startedAtMs: number;
  /** When the standby took over and the endpoint's record named it. */
  promotedAtMs: number;
  /** How long each pod kept the old address after that, by pod. */
  dnsWaitMs: readonly number[];
  /** When each pod reached the new primary, by pod. */
  backAtMs: readonly number[];
  /** The same, by each pod's pool, for the database node. */
  backAtByPool: ReadonlyMap<Resource, number>;
  /** When the last pod is back. */
  endsAtMs: number;
}

/** The moment `sinceMs` plus `ms`, moved up to the next multiple of `everyMs` after `sinceMs` (0: not moved). */
function nextTry(sinceMs: number, ms: number, everyMs: number): number {
  return sinceMs + (everyMs > 0 ? Math.ceil(ms / everyMs) * everyMs : ms);
}

/** A failover that begins at `nowMs`: the draws, one for its length and one per pod for its DNS cache, from `random`. */
export function planFailover(world: World, nowMs: number, random: Random): DbFailover {
  const { ha, dnsTtlS, reconnectMs } = world.db;
  const [low, high] = FAILOVER_RANGE_S[ha];
  const failoverMs = random.between(low, high) * 1000;
  const dnsWaitMs = world.pods.map(() => random.between(0, dnsTtlS * 1000));
  const backAtMs = dnsWaitMs.map((wait) => nextTry(nowMs, failoverMs + wait, reconnectMs));
  return {
    ha,
    startedAtMs: nowMs,
    promotedAtMs: nowMs + failoverMs,
    dnsWaitMs,
    backAtMs,
    backAtByPool: new Map(world.pods.map((pod, i) => [pod.pool, backAtMs[i]!])),
    endsAtMs: Math.max(...backAtMs),
  };
}

/**
 * Whether a query on this pool meets the fenced old primary now; says why when it does. The failover is forgotten
 * once every pod is back, so a run after it pays nothing.
 */
export function cutOffByFailover(ctx: SimContext, tag: Tag, pool: Resource): boolean {
  const { conditions } = ctx.world;
  const failover = conditions.dbFailover;
  if (!failover) return false;
  const now = ctx.kernel.now;
  if (now >= failover.endsAtMs) {
    conditions.dbFailover = null;
    return false;
  }
  const backAt = failover.backAtByPool.get(pool) ?? now;
  if (now >= backAt) return false;
  note(ctx, tag, 'app', {
    kind: 'condition',
    narration: () =>
      now < failover.promotedAtMs
        ? `The database is failing over: the old primary is fenced off and the standby is not promoted yet (${formatSeconds(failover.promotedAtMs - now)} to go).`
        : `The standby was promoted ${formatSeconds(now - failover.promotedAtMs)} ago, but this pod still uses the endpoint's old address, or its driver has not reconnected yet: it is back in ${formatSeconds(backAt - now)}.`,
    decision: now < failover.promotedAtMs ? 'failover in progress' : 'stale DNS / reconnecting',
  });
  return true;
}
