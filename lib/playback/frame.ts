/**
 * What is on screen at simulated time t: the packets in flight and where along their links,
 * the state of every node, and which event the caption and the log point at.
 *
 * The frame shows the story up to the caption's event (see steps.ts): when several events start at the
 * same instant and the learner has stepped to the first of them, the others have not happened yet.
 */
import type { EventKind, LegKind, NodeId, SimEvent, SimResult } from '@/lib/sim';
import { currentStep } from './steps';

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

/** `running`: started before the caption's event and still going on (a slow query while the app times out). */
export type EventStatus = 'past' | 'running' | 'current' | 'future';

export interface Frame {
  t: number;
  packets: PacketInFlight[];
  nodes: Record<NodeId, NodeTone>;
  /** The event the caption narrates: the step the learner is on, else the latest event to start by t. */
  currentEventId: number | null;
  /** How many events the story has reached: every id up to the caption's. */
  startedCount: number;
}

const ERROR_KINDS: ReadonlySet<EventKind> = new Set(['timeout', 'db-error', 'deadlock', 'tcp-rst', 'give-up', 'cache-error-hit']);
const BLOCK_KINDS: ReadonlySet<EventKind> = new Set(['waf-block', 'shield-drop', 'packet-denied']);
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
  if (currentEventId === null || e.id > currentEventId) return 'future';
  return end(e) > t ? 'running' : 'past';
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

/** `step` is the event the learner stepped to or picked; it counts only while t is still its moment. */
export function frameAt(result: SimResult, t: number, step: number | null = null): Frame {
  const nodes: Record<NodeId, NodeTone> = { ...IDLE };
  const packets: PacketInFlight[] = [];
  const current = currentStep(result.events, { t, step });
  const last = current ?? -1;
  for (let i = 0; i <= last; i++) {
    const e = result.events[i]!;
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
  return { t, packets, nodes, currentEventId: current, startedCount: last + 1 };
}
