/**
 * What a traffic run's timeline sets off besides a change of conditions: attacks that come as traffic, and the
 * database's failover.
 *
 * - `attack-burst` … `attack-stop`: a share of the visitors' requests (`burstShare`) carry an SQL injection or a
 *   cross-site script, half each; the managed rule groups block them.
 * - `bot-flood` … `bot-flood-stop`: an HTTP GET flood at `botRate` requests a second, Poisson, from `botIps`
 *   addresses in turn. Each asks for a URL no visitor asks for, so it misses the cache and reaches the origin: the
 *   usual way a flood gets past a CDN. It is layer 7, so Shield Standard passes it on (lib/sim/shield.ts), and only
 *   a rate-based rule stops it. Bots send once each and solve no CAPTCHA or challenge; their answers are counted
 *   apart from the visitors'.
 * - `syn-flood` … `syn-flood-stop`: `synRate` SYN packets a second that Shield Standard absorbs at the edge: they
 *   reach nothing, and are counted once a second.
 * - `db-failover`: RDS fails over (lib/sim/nodes/db-failover.ts), and each pod is cut off until it reaches the new
 *   primary.
 *
 * Each draws from a stream of its own, so a run without them draws exactly what it did before.
 */
import type { Scenario, TimelineAction } from '@/lib/scenario/schema';
import { botAddress } from '@/lib/sim/clients';
import { note, type SimContext, type Tag } from '@/lib/sim/context';
import { exchange, statusLine } from '@/lib/sim/http';
import { sleep, type Task } from '@/lib/sim/kernel/kernel';
import { buildRequest } from '@/lib/sim/nodes/browser';
import { planFailover } from '@/lib/sim/nodes/db-failover';
import { handleEdge, type EdgeState } from '@/lib/sim/nodes/edge';
import { streamFor, type Random } from '@/lib/sim/random';
import { SHIELD_STANDARD } from '@/lib/sim/shield';
import { SITE_HOST } from '@/lib/sim/site';
import type { Arrival } from './arrivals';
import { toMicros } from './metrics';

/** The actions this file carries out; the timeline hands them over. */
export type IncidentAction = Extract<TimelineAction, 'attack-burst' | 'attack-stop' | 'bot-flood' | 'bot-flood-stop' | 'syn-flood' | 'syn-flood-stop' | 'db-failover'>;

/** A failover as the result reports it, in seconds. */
export interface FailoverReport {
  atS: number;
  ha: Scenario['db']['ha'];
  /** From the failure to the standby's promotion (the record names it from then on). */
  failoverS: number;
  /** How long each pod kept the old address after that. */
  dnsWaitS: number[];
  /** When each pod reached the new primary. */
  podsBackAtS: number[];
}

/** What a flooding script sends: no browser's headers, and it accepts anything. */
const BOT_HEADERS: Readonly<Record<string, string>> = { host: SITE_HOST, 'user-agent': 'python-requests/2.32.3', accept: '*/*' };

const seconds = (ms: number) => toMicros(ms / 1000);

export class Incidents {
  /** Answers to the bots' requests after the warm-up, by status. */
  readonly botStatuses: Record<string, number> = {};
  readonly failovers: FailoverReport[] = [];
  private readonly bots: Random;
  private readonly burst: Random;
  private readonly failover: Random;
  private bursting = false;
  /** Each flood and SYN flood started gets a new number; a process whose number is no longer current stops. */
  private botFlood = 0;
  private botsOn = false;
  private botsSent = 0;
  private synFlood = 0;
  private synSince: number | null = null;
  private synExact = 0;

  constructor(
    private readonly ctx: SimContext,
    private readonly edge: EdgeState,
    private readonly settings: Scenario['traffic'],
    seed: number,
    private readonly durationMs: number,
    private readonly warmupMs: number,
  ) {
    this.bots = streamFor(seed, 'bots');
    this.burst = streamFor(seed, 'burst');
    this.failover = streamFor(seed, 'failover');
  }

  apply(action: IncidentAction, tag: Tag): void {
    const { ctx } = this;
    switch (action) {
      case 'attack-burst':
      case 'attack-stop':
        this.bursting = action === 'attack-burst';
        note(ctx, tag, 'waf', {
          kind: 'condition',
          narration: this.bursting
            ? `A burst of attacks begins: ${Math.round(this.settings.burstShare * 100)}% of the requests carry an SQL injection or a cross-site script.`
            : 'The burst of attacks ends.',
          decision: action,
        });
        break;
      case 'bot-flood':
        if (!this.botsOn) {
          this.botsOn = true;
          ctx.kernel.spawn(this.flood(++this.botFlood));
        }
        note(ctx, tag, 'shield', {
          kind: 'shield-pass',
          narration: () => `Bots on ${this.settings.botIps} addresses start an HTTP flood, ${this.settings.botRate} requests a second: ${SHIELD_STANDARD['http-flood'].why}.`,
          decision: 'Shield Standard: layer 7, passed to the web ACL',
        });
        break;
      case 'bot-flood-stop':
        this.botsOn = false;
        this.botFlood += 1;
        note(ctx, tag, 'shield', { kind: 'condition', narration: 'The bots stop.', decision: action });
        break;
      case 'syn-flood':
        if (this.synSince === null) {
          this.synSince = ctx.kernel.now;
          ctx.kernel.spawn(this.synClock(++this.synFlood));
        }
        note(ctx, tag, 'shield', {
          kind: 'shield-drop',
          narration: () => `A SYN flood of ${this.settings.synRate} packets a second begins: ${SHIELD_STANDARD['syn-flood'].why}.`,
          decision: 'Shield Standard: layer 4 flood absorbed at the edge',
        });
        break;
      case 'syn-flood-stop':
        this.accrueSyn();
        this.synSince = null;
        this.synFlood += 1;
        note(ctx, tag, 'shield', { kind: 'condition', narration: 'The SYN flood ends.', decision: action });
        break;
      case 'db-failover':
        this.startFailover(tag);
        break;
    }
  }

  /** An arrival as it comes: during a burst, a share of them carry an SQL injection or a cross-site script instead. */
  attacking(arrival: Arrival): Arrival {
    if (!this.bursting) return arrival;
    const u = this.burst.next();
    const share = this.settings.burstShare;
    if (u >= share) return arrival;
    return { ...arrival, attack: true, spec: { ...arrival.spec, payload: u < share / 2 ? 'sqli' : 'xss' } };
  }

  private startFailover(tag: Tag): void {
    const { ctx } = this;
    const now = ctx.kernel.now;
    const failover = planFailover(ctx.world, now, this.failover);
    ctx.world.conditions.dbFailover = failover;
    this.failovers.push({
      atS: seconds(now),
      ha: failover.ha,
      failoverS: seconds(failover.promotedAtMs - now),
      dnsWaitS: failover.dnsWaitMs.map(seconds),
      podsBackAtS: failover.backAtMs.map(seconds),
    });
    note(ctx, tag, 'db', {
      kind: 'condition',
      narration: () =>
        `The primary fails and RDS fails over to ${failover.ha === 'instance' ? 'its standby' : 'a readable standby'}: it is promoted after ${seconds(failover.promotedAtMs - now)} s, and the pods are back between ${seconds(Math.min(...failover.backAtMs) - now)} and ${seconds(failover.endsAtMs - now)} s, as their cached address expires and their driver reconnects.`,
      decision: `db-failover (Multi-AZ DB ${failover.ha})`,
    });
  }

  /** Bots send, Poisson at the flood's rate, until the flood stops or arrivals end. */
  private *flood(flood: number): Task<void> {
    const { kernel } = this.ctx;
    for (;;) {
      yield* sleep((-Math.log(1 - this.bots.next()) / this.settings.botRate) * 1000);
      if (flood !== this.botFlood || kernel.now >= this.durationMs) return;
      this.sendBot();
    }
  }

  private sendBot(): void {
    const { ctx, edge } = this;
    const n = ++this.botsSent;
    ctx.counters.botRequests += 1;
    const counted = ctx.kernel.now >= this.warmupMs;
    // A path no visitor asks for: every request misses the cache.
    const req = buildRequest({ method: 'GET', payload: 'benign', path: `/api/products/${this.settings.objects + n}`, sourceAddress: botAddress(n % this.settings.botIps), bot: true }, `b${n}`);
    const tag: Tag = { requestId: req.requestId, attempt: 1 };
    const sent = exchange(ctx, tag, 'browser', 'edge', req, (r) => handleEdge(ctx, edge, r), {
      tls: ctx.world.tls,
      alreadyOpen: true,
      requestHeaders: BOT_HEADERS,
      requestNarration: () => `A bot sends GET ${req.path}, a URL no visitor asks for, so the edge cannot answer it from its cache.`,
      responseNarration: (res) => `The bot receives ${statusLine(res.status)}.`,
    });
    ctx.kernel.spawn(sent, (res) => {
      if (counted) this.botStatuses[res.status] = (this.botStatuses[res.status] ?? 0) + 1;
    });
  }

  /** Counts the absorbed SYNs once a second while the flood lasts, and stops with the arrivals. */
  private *synClock(flood: number): Task<void> {
    const { kernel } = this.ctx;
    while (flood === this.synFlood && this.synSince !== null) {
      yield* sleep(Math.min(1000, this.durationMs - kernel.now));
      if (flood !== this.synFlood) return;
      this.accrueSyn();
      if (kernel.now >= this.durationMs) {
        this.synSince = null;
        return;
      }
    }
  }

  private accrueSyn(): void {
    if (this.synSince === null) return;
    const now = Math.min(this.ctx.kernel.now, this.durationMs);
    this.synExact += (this.settings.synRate * (now - this.synSince)) / 1000;
    this.synSince = now;
    this.ctx.counters.synFloodAbsorbed = Math.round(this.synExact);
  }
}
