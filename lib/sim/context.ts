/**
 * The run's shared state and the three ways a process records what happens:
 * a leg (something crosses a link and takes time), work (a node spends time), and a note (an instant decision).
 */
import type { Scenario } from '@/lib/scenario/schema';
import { Kernel, type Effect, type Task } from './kernel/kernel';
import { createLedger, type Ledger } from './ledger';
import type { Happening, Recorder } from './recorder';
import { cosmeticHex, streamFor, type Random } from './random';
import { DB_PORTS } from '@/lib/scenario/vocabulary';
import { linkFor, rttMs, viaNodes } from './topology';
import { denialDecision, denialDetail, denialNarration, type Denial, type Route } from './net/filters';
import { NODE_IDS, NODE_INDEX, type EventKind, type LegKind, type NodeId, type Protocol } from './types';
import { buildWorld, SIM_EPOCH_MS, singleRequestShape, type World, type WorldShape } from './world';

export { SIM_EPOCH_MS } from './world';

export interface Counters {
  originRequests: number;
  dbQueries: number;
  thirdPartyCalls: number;
  retries: number;
  cacheLookups: number;
  cacheHits: number;
  /** Calls made on each calling edge, retries included (rejected ones are not calls): the layers' amplification. */
  browserCalls: number;
  dbCalls: number;
  paymentsCalls: number;
  /** Calls an open circuit breaker or a full bulkhead refused, and breakers that opened (lib/sim/resilience). */
  breakerRejections: number;
  bulkheadRejections: number;
  breakerOpens: number;
  /** Failed or refused calls a fallback stood in for. */
  fallbacks: number;
  /** Retries the AWS SDK's retry quota could not pay for. */
  retriesDenied: number;
  /** CloudFront at scale (lib/sim/edge): Origin Shield's lookups and hits, failovers, edge function runs and cold starts. */
  originShieldLookups: number;
  originShieldHits: number;
  failovers: number;
  functionRuns: number;
  coldStarts: number;
  /** Requests the managed rule groups blocked (SQL injection, cross-site scripting, size limits). */
  wafBlocked: number;
  /** Requests the rate-based rule stopped: blocked, or met with a CAPTCHA or a challenge. */
  rateLimited: number;
  /** Of those, how many got a CAPTCHA (405) or a challenge (202). */
  captchas: number;
  challenges: number;
  /** Requests over the limit the rule let on: its action is Count, or they carried a valid token. */
  rateCounted: number;
  /** Requests a bot flood sent. */
  botRequests: number;
  /** SYN packets of a flood that Shield Standard absorbed at the edge. */
  synFloodAbsorbed: number;
  /** Packets a security group or a network ACL dropped: each `packet-denied` (net/filters.ts). */
  packetsDenied: number;
}

export interface SimContext {
  /** Each node's settings, the caches, the pods and the conditions of the moment (lib/sim/world.ts). */
  readonly world: World;
  readonly kernel: Kernel;
  /** Draws that change what happens, one stream per purpose (lib/sim/random.ts). */
  readonly random: { readonly jitter: Random; readonly setup: Random };
  /** Hex digits for ids in headers, a hash of where they appear: never a draw from a stream. */
  cosmeticHex(length: number, ...where: readonly (string | number)[]): string;
  /** Where what happens goes: every event for a trace, counts alone for many requests (lib/sim/recorder.ts). */
  readonly recorder: Recorder;
  readonly counters: Counters;
  /** Writes committed and charges made, duplicates included. */
  readonly ledger: Ledger;
  /** Open connections (keep-alive), keyed `client>server`, with the request and attempt that opened each (null: open before the run). */
  readonly openConnections: Map<string, Tag | null>;
}

/** Nothing counted yet: a run's start, and the baseline a window of a run is measured from. */
export function noCounts(): Counters {
  return {
    originRequests: 0,
    dbQueries: 0,
    thirdPartyCalls: 0,
    retries: 0,
    cacheLookups: 0,
    cacheHits: 0,
    browserCalls: 0,
    dbCalls: 0,
    paymentsCalls: 0,
    breakerRejections: 0,
    bulkheadRejections: 0,
    breakerOpens: 0,
    fallbacks: 0,
    retriesDenied: 0,
    originShieldLookups: 0,
    originShieldHits: 0,
    failovers: 0,
    functionRuns: 0,
    coldStarts: 0,
    wafBlocked: 0,
    rateLimited: 0,
    captchas: 0,
    challenges: 0,
    rateCounted: 0,
    botRequests: 0,
    synFloodAbsorbed: 0,
    packetsDenied: 0,
  };
}

export function createContext(scenario: Scenario, recorder: Recorder, shape: WorldShape = singleRequestShape(scenario)): SimContext {
  const kernel = new Kernel();
  return {
    world: buildWorld(scenario, kernel, streamFor(scenario.seed, 'service'), shape),
    kernel,
    random: { jitter: streamFor(scenario.seed, 'jitter'), setup: streamFor(scenario.seed, 'setup') },
    // Ids in headers only ever reach a reader through the trace: a recorder that keeps counts alone gets
    // placeholders of the same length, and nothing that happens depends on them.
    cosmeticHex: recorder.countsOnly ? (length) => '0'.repeat(length) : (length, ...where) => cosmeticHex(scenario.seed, length, ...where),
    recorder,
    counters: noCounts(),
    ledger: createLedger(),
    openConnections: new Map(),
  };
}

/** Which request and attempt an event belongs to. */
export interface Tag {
  requestId: string;
  attempt: number;
}

export interface EventFields {
  kind: EventKind;
  /** A function when the words cost something to build: only a recorder that shows them calls it. */
  narration: string | (() => string);
  status?: number;
  headers?: Record<string, string>;
  /** A function, like the narration, when it costs something to build. */
  decision?: string | (() => string);
  waitMs?: number;
  detail?: Record<string, string | number | boolean> | (() => Record<string, string | number | boolean>);
}

function round(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}

function push(ctx: SimContext, happening: Happening): void {
  ctx.recorder.record(happening);
}

/** What a leg between two endpoints always is in this world: worked out once per pair, not once per leg. */
interface LegFacts {
  oneWayMs: number;
  via: NodeId[] | undefined;
  protocol: Protocol;
  port: number | null;
  /** The filters between the two, or null when none sits there (lib/sim/net/filters.ts). */
  route: Route | null;
}

/** Per world, each pair's facts at `from × nodes + to`: no key to build on the hot path. */
const legFactsByWorld = new WeakMap<World, (LegFacts | undefined)[]>();

function legFacts(ctx: SimContext, from: NodeId, to: NodeId): LegFacts {
  let known = legFactsByWorld.get(ctx.world);
  // Filled up front: an array written first at a high index would keep its elements in a slow dictionary.
  if (!known) legFactsByWorld.set(ctx.world, (known = new Array<LegFacts | undefined>(NODE_IDS.length * NODE_IDS.length).fill(undefined)));
  const pair = NODE_INDEX[from] * NODE_IDS.length + NODE_INDEX[to];
  let facts = known[pair];
  if (!facts) {
    const { db, latency, filters } = ctx.world;
    const link = linkFor(db.engine, from, to);
    facts = {
      oneWayMs: rttMs(latency, from, to) / 2,
      via: viaNodes(from, to),
      protocol: link.protocol,
      port: link.id === 'app-db' ? DB_PORTS[db.engine] : link.port,
      route: filters.route(from, to),
    };
    known[pair] = facts;
  }
  return facts;
}

export function oneWayMs(ctx: SimContext, from: NodeId, to: NodeId): number {
  return legFacts(ctx, from, to).oneWayMs;
}

/**
 * What drops a packet about to go from `from` to `to`: the filter, its rule and where, or null when it passes (at
 * once where no filter sits). A SYN opens a new connection, with a new ephemeral port. Every packet that crosses
 * asks exactly once: `leg` and `tryLeg` do, and a hop that calls `depart` itself asks first.
 */
export function packetFate(ctx: SimContext, from: NodeId, to: NodeId, kind: EventKind): Denial | null {
  const { route } = legFacts(ctx, from, to);
  return route === null ? null : route.verdict(kind === 'tcp-syn');
}

/**
 * Records a leg that leaves now and arrives after the link's one-way latency; returns that latency. The caller
 * waits it out itself: `leg` does, and so does a hop that would otherwise need one more generator for it.
 */
export function depart(ctx: SimContext, tag: Tag, from: NodeId, to: NodeId, legKind: LegKind, fields: EventFields): number {
  return emit(ctx, legFacts(ctx, from, to), tag, from, to, legKind, fields);
}

function emit(ctx: SimContext, facts: LegFacts, tag: Tag, from: NodeId, to: NodeId, legKind: LegKind, fields: EventFields): number {
  const duration = facts.oneWayMs;
  const { recorder } = ctx;
  if (recorder.countsOnly) {
    recorder.counted(ctx.kernel.now + duration);
    return duration;
  }
  push(ctx, {
    t: round(ctx.kernel.now),
    durationMs: round(duration),
    ...tag,
    from,
    to,
    ...(facts.via ? { via: facts.via } : {}),
    leg: legKind,
    protocol: legProtocol(fields.kind, facts.protocol),
    port: facts.port,
    ...fields,
  });
  return duration;
}

/** Waits for ever: what a sender does for a packet that never arrives, until its caller's timeout cancels it. */
const FOREVER: Effect = { type: 'sleep', ms: Infinity };

/** Waits for an answer that will never come; only the caller's timeout (a deadline, a cancelled parent) ends it. */
export function* waitForever(): Task<never> {
  yield FOREVER;
  throw new Error('a process waiting for ever was resumed');
}

/**
 * A packet the filters drop: it travels as far as the filter (the link, when the other end's subnet or interface
 * drops it; nowhere, when its own does), and there a `packet-denied` event says which rule dropped it. Returns
 * when it is dropped. Neither filter answers, so the sender learns nothing.
 */
export function* lose(ctx: SimContext, tag: Tag, from: NodeId, to: NodeId, legKind: LegKind, fields: EventFields, denial: Denial): Task<void> {
  if (denial.onArrival) {
    // What the packet would have done, said of a packet that is about to be dropped, is followed by why it is not.
    const { narration } = fields;
    const sent = ctx.recorder.countsOnly ? fields : { ...fields, narration: () => `${typeof narration === 'function' ? narration() : narration} (Sent, but dropped on arrival: see the next event.)` };
    const ms = depart(ctx, tag, from, to, legKind, sent);
    if (ms > 0) yield { type: 'sleep', ms };
  }
  ctx.counters.packetsDenied += 1;
  // A recorder that keeps counts alone is told the moment; no words are built for it.
  if (ctx.recorder.countsOnly) {
    ctx.recorder.counted(ctx.kernel.now);
    return;
  }
  const what = PACKET_WORDS[fields.kind] ?? 'the packet';
  note(ctx, tag, denial.node, {
    kind: 'packet-denied',
    narration: () => denialNarration(denial, what),
    decision: () => denialDecision(denial),
    detail: () => denialDetail(denial),
  });
}

/** A packet the filters drop (`lose`), and the sender's wait for an answer that cannot come. */
export function* dropAndWait(ctx: SimContext, tag: Tag, from: NodeId, to: NodeId, legKind: LegKind, fields: EventFields, denial: Denial): Task<never> {
  yield* lose(ctx, tag, from, to, legKind, fields, denial);
  return yield* waitForever();
}

/** How a dropped packet is named in its narration. */
const PACKET_WORDS: Partial<Record<EventKind, string>> = {
  'tcp-syn': 'the SYN',
  'tcp-syn-ack': 'the SYN-ACK',
  'tcp-rst': 'the reset',
  request: 'the request',
  response: 'the response',
  'db-query': 'the query',
  'db-result': 'the result',
  'db-error': 'the error',
};

/** Something crosses the link from `from` to `to`; the process resumes when it arrives, and never if the filters drop it. */
export function* leg(ctx: SimContext, tag: Tag, from: NodeId, to: NodeId, legKind: LegKind, fields: EventFields): Task<void> {
  const facts = legFacts(ctx, from, to);
  const denial = facts.route === null ? null : facts.route.verdict(fields.kind === 'tcp-syn');
  if (denial) return yield* dropAndWait(ctx, tag, from, to, legKind, fields, denial);
  const ms = emit(ctx, facts, tag, from, to, legKind, fields);
  // The sleep effect itself, not `yield* sleep(…)`: legs are the commonest wait, and this saves a generator each.
  if (ms > 0) yield { type: 'sleep', ms };
}

/** As `leg`, but a dropped packet returns false when it is dropped: for a handshake, whose sender gives up on its own. */
export function* tryLeg(ctx: SimContext, tag: Tag, from: NodeId, to: NodeId, legKind: LegKind, fields: EventFields): Task<boolean> {
  const facts = legFacts(ctx, from, to);
  const denial = facts.route === null ? null : facts.route.verdict(fields.kind === 'tcp-syn');
  if (denial) {
    yield* lose(ctx, tag, from, to, legKind, fields, denial);
    return false;
  }
  const ms = emit(ctx, facts, tag, from, to, legKind, fields);
  if (ms > 0) yield { type: 'sleep', ms };
  return true;
}

/** Segments of a handshake travel at the transport layer, whatever the link carries above it. */
function legProtocol(kind: EventKind, linkProtocol: Protocol): Protocol {
  if (kind.startsWith('tcp-')) return 'TCP';
  if (kind.startsWith('tls-')) return 'TLS';
  return linkProtocol;
}

/**
 * A segment that leaves at the same moment as the leg that follows it (an ACK riding with the first data). It
 * goes the same way, on the same ports, as the SYN its connection opened with, so the filters that let the SYN
 * through let it through too.
 */
export function sendAlongside(ctx: SimContext, tag: Tag, from: NodeId, to: NodeId, legKind: LegKind, fields: EventFields): void {
  depart(ctx, tag, from, to, legKind, fields);
}

/** A node spends `ms` on something (evaluating rules, running a query). */
export function* work(ctx: SimContext, tag: Tag, node: NodeId, ms: number, fields: EventFields): Task<void> {
  if (ctx.recorder.countsOnly) ctx.recorder.counted(ctx.kernel.now + ms);
  else push(ctx, { t: round(ctx.kernel.now), durationMs: round(ms), ...tag, from: node, to: node, protocol: 'inline', port: null, ...fields });
  if (ms > 0) yield { type: 'sleep', ms };
}

/** An instant decision at a node. */
export function note(ctx: SimContext, tag: Tag, node: NodeId, fields: EventFields): void {
  if (ctx.recorder.countsOnly) ctx.recorder.counted(ctx.kernel.now);
  else push(ctx, { t: round(ctx.kernel.now), durationMs: 0, ...tag, from: node, to: node, protocol: 'inline', port: null, ...fields });
}

/**
 * Something between two nodes that does not cross a network: a retry's back-off (drawn on the caller),
 * or a hand-off inside one machine (the edge passing a request to its web ACL).
 */
export function* span(ctx: SimContext, tag: Tag, from: NodeId, to: NodeId, ms: number, fields: EventFields & { leg?: LegKind }): Task<void> {
  if (ctx.recorder.countsOnly) ctx.recorder.counted(ctx.kernel.now + ms);
  else push(ctx, { t: round(ctx.kernel.now), durationMs: round(ms), ...tag, from, to, protocol: 'inline', port: null, ...fields });
  if (ms > 0) yield { type: 'sleep', ms };
}

/** The HTTP Date header for the current simulated instant (RFC 9110 §6.6.1). */
export function httpDate(ctx: SimContext, offsetMs = 0): string {
  return new Date(SIM_EPOCH_MS + ctx.kernel.now + offsetMs).toUTCString();
}
