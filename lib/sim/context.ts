/**
 * The run's shared state and the three ways a process records what happens:
 * a leg (something crosses a link and takes time), work (a node spends time), and a note (an instant decision).
 */
import type { Scenario } from '@/lib/scenario/schema';
import { Kernel, sleep, type Resource, type Task } from './kernel/kernel';
import { createLedger, type Ledger } from './ledger';
import { POOL_SIZE } from './pool';
import type { Happening, Recorder } from './recorder';
import { cosmeticHex, streamFor, type Random } from './random';
import { DB_PORTS } from '@/lib/scenario/vocabulary';
import { linkFor, rttMs, viaNodes } from './topology';
import type { EventKind, LegKind, NodeId, Protocol } from './types';

/** Simulated time 0 is this instant, so Date and Expires headers read like real ones. */
export const SIM_EPOCH_MS = Date.UTC(2026, 0, 15, 12, 0, 0);

export interface Counters {
  originRequests: number;
  dbQueries: number;
  thirdPartyCalls: number;
  retries: number;
  cacheLookups: number;
  cacheHits: number;
}

export interface SimContext {
  readonly scenario: Scenario;
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
  /** The app's connections to the database (lib/sim/pool.ts). */
  readonly dbPool: Resource;
  /** Open connections (keep-alive), keyed `client>server`, with the request and attempt that opened each. */
  readonly openConnections: Map<string, string>;
}

export function createContext(scenario: Scenario, recorder: Recorder): SimContext {
  const kernel = new Kernel();
  return {
    scenario,
    kernel,
    dbPool: kernel.resource(POOL_SIZE),
    random: { jitter: streamFor(scenario.seed, 'jitter'), setup: streamFor(scenario.seed, 'setup') },
    cosmeticHex: (length, ...where) => cosmeticHex(scenario.seed, length, ...where),
    recorder,
    counters: { originRequests: 0, dbQueries: 0, thirdPartyCalls: 0, retries: 0, cacheLookups: 0, cacheHits: 0 },
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
  decision?: string;
  waitMs?: number;
  detail?: Record<string, string | number | boolean>;
}

function round(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}

function push(ctx: SimContext, happening: Happening): void {
  ctx.recorder.record(happening);
}

export function oneWayMs(ctx: SimContext, from: NodeId, to: NodeId): number {
  return rttMs(ctx.scenario.latency, from, to) / 2;
}

/** Records a leg that leaves now and arrives after the link's one-way latency; returns that latency. */
function emitLeg(ctx: SimContext, tag: Tag, from: NodeId, to: NodeId, legKind: LegKind, fields: EventFields): number {
  const link = linkFor(ctx.scenario.db.engine, from, to);
  const duration = oneWayMs(ctx, from, to);
  const via = viaNodes(from, to);
  push(ctx, {
    t: round(ctx.kernel.now),
    durationMs: round(duration),
    ...tag,
    from,
    to,
    ...(via ? { via } : {}),
    leg: legKind,
    protocol: legProtocol(fields.kind, link.protocol),
    port: link.id === 'app-db' ? DB_PORTS[ctx.scenario.db.engine] : link.port,
    ...fields,
  });
  return duration;
}

/** Something crosses the link from `from` to `to`; the process resumes when it arrives. */
export function* leg(ctx: SimContext, tag: Tag, from: NodeId, to: NodeId, legKind: LegKind, fields: EventFields): Task<void> {
  yield* sleep(emitLeg(ctx, tag, from, to, legKind, fields));
}

/** Segments of a handshake travel at the transport layer, whatever the link carries above it. */
function legProtocol(kind: EventKind, linkProtocol: Protocol): Protocol {
  if (kind.startsWith('tcp-')) return 'TCP';
  if (kind.startsWith('tls-')) return 'TLS';
  return linkProtocol;
}

/** A segment that leaves at the same moment as the leg that follows it (an ACK riding with the first data). */
export function sendAlongside(ctx: SimContext, tag: Tag, from: NodeId, to: NodeId, legKind: LegKind, fields: EventFields): void {
  emitLeg(ctx, tag, from, to, legKind, fields);
}

/** A node spends `ms` on something (evaluating rules, running a query). */
export function* work(ctx: SimContext, tag: Tag, node: NodeId, ms: number, fields: EventFields): Task<void> {
  push(ctx, { t: round(ctx.kernel.now), durationMs: round(ms), ...tag, from: node, to: node, protocol: 'inline', port: null, ...fields });
  yield* sleep(ms);
}

/** An instant decision at a node. */
export function note(ctx: SimContext, tag: Tag, node: NodeId, fields: EventFields): void {
  push(ctx, { t: round(ctx.kernel.now), durationMs: 0, ...tag, from: node, to: node, protocol: 'inline', port: null, ...fields });
}

/**
 * Something between two nodes that does not cross a network: a retry's back-off (drawn on the caller),
 * or a hand-off inside one machine (the edge passing a request to its web ACL).
 */
export function* span(ctx: SimContext, tag: Tag, from: NodeId, to: NodeId, ms: number, fields: EventFields & { leg?: LegKind }): Task<void> {
  push(ctx, { t: round(ctx.kernel.now), durationMs: round(ms), ...tag, from, to, protocol: 'inline', port: null, ...fields });
  yield* sleep(ms);
}

/** The HTTP Date header for the current simulated instant (RFC 9110 §6.6.1). */
export function httpDate(ctx: SimContext, offsetMs = 0): string {
  return new Date(SIM_EPOCH_MS + ctx.kernel.now + offsetMs).toUTCString();
}
