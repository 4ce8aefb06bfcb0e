/**
 * What is on screen at simulated time t: the packets in flight and where along their links,
 * the state of every node, and which event the caption and the log point at.
 */
import type { EventKind, LegKind, NodeId, SimEvent, SimResult } from '@/lib/sim';

export interface PacketInFlight {
  eventId: number;
  kind: LegKind;
  /** The drawn link the packet is on now, and whether it travels from the link's `a` to its `b`. */
  segmentFrom: NodeId;
  segmentTo: NodeId;
  /** 0 at the segment's start, 1 at its end. */
  progress: number;
}

export type NodeTone = 'idle' | 'visited' | 'active' | 'ok' | 'blocked' | 'error';

export type EventStatus = 'past' | 'current' | 'future';

export interface Frame {
  t: number;
  packets: PacketInFlight[];
  nodes: Record<NodeId, NodeTone>;
  /** The event the caption narrates: the one in progress, else the one that ended last. */
  currentEventId: number | null;
  /** How many events have started by t (for the log). */
  startedCount: number;
}

const ERROR_KINDS: ReadonlySet<EventKind> = new Set(['timeout', 'db-error', 'deadlock', 'tcp-rst', 'give-up', 'cache-error-hit']);
const BLOCK_KINDS: ReadonlySet<EventKind> = new Set(['waf-block', 'shield-drop']);
const OK_KINDS: ReadonlySet<EventKind> = new Set(['cache-hit', 'cache-revalidated', 'waf-allow', 'shield-pass', 'db-result', 'commit', 'replay']);

const IDLE: Record<NodeId, NodeTone> = {
  browser: 'idle',
  dns: 'idle',
  shield: 'idle',
  waf: 'idle',
  edge: 'idle',
  s3: 'idle',
  alb: 'idle',
  web: 'idle',
  app: 'idle',
  db: 'idle',
  thirdparty: 'idle',
};

function end(e: SimEvent): number {
  return e.t + e.durationMs;
}

export function inProgress(e: SimEvent, t: number): boolean {
  return e.t < t && t < end(e);
}

export function eventStatus(e: SimEvent, currentEventId: number | null, t: number): EventStatus {
  if (e.id === currentEventId) return 'current';
  return end(e) <= t || inProgress(e, t) ? 'past' : 'future';
}

/** The caption's event at t: the most recently started one still in progress, else the one that ended last. */
export function currentEventAt(events: readonly SimEvent[], t: number): SimEvent | null {
  let running: SimEvent | null = null;
  let finished: SimEvent | null = null;
  for (const e of events) {
    if (e.t > t) break;
    if (inProgress(e, t)) running = e;
    else if (end(e) <= t && (finished === null || end(e) >= end(finished))) finished = e;
  }
  return running ?? finished;
}

function packetFor(e: SimEvent, t: number): PacketInFlight | null {
  if (!e.leg || e.from === e.to || e.durationMs <= 0) return null;
  if (!(e.t <= t && t < end(e))) return null;
  const path: NodeId[] = [e.from, ...(e.via ?? []), e.to];
  const overall = (t - e.t) / e.durationMs;
  const segments = path.length - 1;
  const index = Math.min(segments - 1, Math.floor(overall * segments));
  return {
    eventId: e.id,
    kind: e.leg,
    segmentFrom: path[index]!,
    segmentTo: path[index + 1]!,
    progress: overall * segments - index,
  };
}

export function frameAt(result: SimResult, t: number): Frame {
  const nodes: Record<NodeId, NodeTone> = { ...IDLE };
  const packets: PacketInFlight[] = [];
  let startedCount = 0;
  for (const e of result.events) {
    if (e.t > t) break;
    startedCount += 1;
    const packet = packetFor(e, t);
    if (packet) packets.push(packet);
    const done = end(e) <= t;
    for (const node of e.from === e.to ? [e.from] : done ? [e.to] : []) {
      if (BLOCK_KINDS.has(e.kind)) nodes[node] = 'blocked';
      else if (ERROR_KINDS.has(e.kind)) nodes[node] = 'error';
      else if (OK_KINDS.has(e.kind)) nodes[node] = 'ok';
      else if (nodes[node] === 'idle') nodes[node] = 'visited';
    }
    if (e.from === e.to && inProgress(e, t)) nodes[e.from] = 'active';
  }
  if (t > 0 && nodes.browser === 'idle') nodes.browser = 'visited';
  const current = currentEventAt(result.events, t);
  return { t, packets, nodes, currentEventId: current?.id ?? null, startedCount };
}
