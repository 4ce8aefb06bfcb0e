/**
 * The waterfall: every hop as a bar, like the network panel of a browser's developer tools. A bar is one
 * call from a caller to a callee — the browser to the edge, the edge to the load balancer, the app to the
 * database — from the moment the caller starts connecting or sends the request until the answer is back,
 * or until the caller stops waiting. Bars nest: the edge waits for the load balancer, which waits for
 * Nginx, which waits for the app, which waits for the database.
 *
 * Everything here is read from the events alone, with one piece of knowledge from the engine's topology:
 * proxies (`PROXIES`) close their connections when their own client gives up, while servers finish their work
 * and nobody reads the answer (ARCHITECTURE.md, "Who keeps working").
 */
import { PROXIES, type NodeId, type SimEvent, type SimResult } from '@/lib/sim';

/** Leg kinds that carry a call's request, after any handshake. */
const CALL_KINDS: ReadonlySet<SimEvent['kind']> = new Set(['dns-query', 'request', 'db-query']);

/** Client-side handshake legs: the first of them starts a connection, and so a bar. */
const CONNECT_KINDS: ReadonlySet<SimEvent['kind']> = new Set(['tcp-syn', 'tls-client-hello', 'db-auth']);

export type SegmentKind = 'connect' | 'wait' | 'answer' | 'unread';

/** One stretch of a bar; clicking it picks `eventId`. */
export interface BarSegment {
  kind: SegmentKind;
  from: number;
  to: number;
  eventId: number;
}

/**
 * `answered`: a response (of any status) came back; `refused`: the connection was reset before a request
 * went out; `timed-out`: the caller stopped waiting; `cancelled`: a proxy's client left, so it left too;
 * `open`: still waiting when the run ended.
 */
export type BarOutcome = 'answered' | 'refused' | 'timed-out' | 'cancelled' | 'open';

export interface Bar {
  /** The id of the event that opened the bar (the first handshake leg, or the request). */
  id: number;
  caller: NodeId;
  callee: NodeId;
  /** The bar this call was made for: the one whose callee is this call's caller. */
  parent: number | null;
  depth: number;
  /** 1 for the first call from this caller to this callee within the parent; retries count up. */
  attempt: number;
  start: number;
  /** When the bar stops: the answer arrived, the caller left, or the run ended. Unread work is drawn after it. */
  end: number;
  outcome: BarOutcome;
  status: number | null;
  /** The event that opened the request itself (after any handshake); null if none went out. */
  requestId: number | null;
  segments: BarSegment[];
  /** The caller's timeout, drawn as a mark. */
  timeoutAt: number | null;
  timeoutId: number | null;
}

export interface Waterfall {
  bars: Bar[];
  /** For every event, the bar it is part of (its own call, or the call in which its node is working). */
  barOfEvent: (number | null)[];
}

interface Building {
  bar: Bar;
  connectAt: number | null;
  connectId: number | null;
  sentAt: number | null;
  answeredAt: number | null;
  answerId: number | null;
  /** The caller stopped waiting (its own timeout, or its client left). */
  leftAt: number | null;
  /** A server callee goes on working after its caller left; its `orphaned` event ends the bar's unread part. */
  unread: { until: number; eventId: number } | null;
  /** Still on the books: connecting, waiting, or a server still working for a caller that left. */
  open: boolean;
  requestKey: string;
  attemptKey: number;
}

function legEnd(e: SimEvent): number {
  return e.t + e.durationMs;
}

function segmentsOf(b: Building): BarSegment[] {
  const { bar } = b;
  const segments: BarSegment[] = [];
  const stop = b.leftAt ?? b.answeredAt ?? bar.end;
  if (b.connectAt !== null && b.connectId !== null) {
    segments.push({ kind: 'connect', from: b.connectAt, to: b.sentAt ?? stop, eventId: b.connectId });
  }
  if (b.sentAt !== null && bar.requestId !== null) segments.push({ kind: 'wait', from: b.sentAt, to: stop, eventId: bar.requestId });
  if (b.answeredAt !== null && b.answerId !== null && b.leftAt === null) {
    segments.push({ kind: 'answer', from: b.answeredAt, to: bar.end, eventId: b.answerId });
  }
  if (b.leftAt !== null && b.unread) segments.push({ kind: 'unread', from: b.leftAt, to: b.unread.until, eventId: b.unread.eventId });
  return segments;
}

/** Derives the bars from a run. Pure; memoise by result identity (lib/store/derived.ts). */
export function waterfallOf(result: SimResult): Waterfall {
  const events = result.events;
  const runEnd = events.reduce((m, e) => Math.max(m, legEnd(e)), 0);
  const all: Building[] = [];
  const byId = new Map<number, Building>();
  const barOfEvent: (number | null)[] = events.map(() => null);
  const attempts = new Map<string, number>();

  const openBars = () => all.filter((b) => b.open);
  /**
   * The call a node is working on now: the newest open bar whose callee it is, preferring the same request
   * (an app still finishing the work of a caller that left must not lend it to the caller's retry).
   */
  const workingFor = (node: NodeId, requestId: string): Building | undefined => {
    const candidates = openBars().filter((b) => b.bar.callee === node);
    return candidates.findLast((b) => b.requestKey === requestId) ?? candidates.at(-1);
  };
  /** The newest call a caller is still waiting on, from it to `callee` when given. */
  const waitingOn = (caller: NodeId, callee?: NodeId, requestId?: string): Building | undefined => {
    const candidates = openBars().filter((b) => b.bar.caller === caller && b.leftAt === null && (callee === undefined || b.bar.callee === callee));
    return candidates.findLast((b) => b.requestKey === requestId) ?? candidates.at(-1);
  };

  const open = (e: SimEvent, connecting: boolean): Building => {
    const parent = workingFor(e.from, e.requestId) ?? null;
    // The edge numbers its origin attempts r1.o2, r1.o3: those are tries of one request; r1.a1 is another request.
    const key = `${parent?.bar.id ?? 'top'}:${e.from}>${e.to}:${e.requestId.replace(/\.o\d+$/, '')}`;
    const attempt = (attempts.get(key) ?? 0) + 1;
    attempts.set(key, attempt);
    const b: Building = {
      bar: {
        id: e.id,
        caller: e.from,
        callee: e.to,
        parent: parent?.bar.id ?? null,
        depth: parent ? parent.bar.depth + 1 : 0,
        attempt,
        start: e.t,
        end: runEnd,
        outcome: 'open',
        status: null,
        requestId: connecting ? null : e.id,
        segments: [],
        timeoutAt: null,
        timeoutId: null,
      },
      connectAt: connecting ? e.t : null,
      connectId: connecting ? e.id : null,
      sentAt: connecting ? null : e.t,
      answeredAt: null,
      answerId: null,
      leftAt: null,
      unread: null,
      open: true,
      requestKey: e.requestId,
      attemptKey: e.attempt,
    };
    all.push(b);
    byId.set(e.id, b);
    return b;
  };

  /** The caller stops waiting at t; a proxy callee stops too, and so on down the chain. */
  const leave = (b: Building, t: number, outcome: 'timed-out' | 'cancelled') => {
    b.leftAt = t;
    b.bar.end = t;
    b.bar.outcome = outcome;
    if (!PROXIES.has(b.bar.callee)) return;
    b.open = false;
    for (const child of openBars()) {
      if (child.bar.parent === b.bar.id && child.leftAt === null) leave(child, t, 'cancelled');
    }
  };

  for (const e of events) {
    const moves = e.from !== e.to;
    if (moves && e.leg === 'handshake') {
      const connecting = openBars().findLast((b) => b.bar.caller === e.from && b.bar.callee === e.to && b.sentAt === null && b.leftAt === null);
      const serverSide = waitingOn(e.to, e.from);
      const b = connecting ?? (serverSide && serverSide.sentAt === null ? serverSide : undefined) ?? (CONNECT_KINDS.has(e.kind) ? open(e, true) : undefined);
      barOfEvent[e.id] = b?.bar.id ?? null;
      continue;
    }
    if (moves && CALL_KINDS.has(e.kind)) {
      const connecting = openBars().findLast((b) => b.bar.caller === e.from && b.bar.callee === e.to && b.sentAt === null && b.leftAt === null);
      const b = connecting ?? open(e, false);
      if (connecting) {
        b.sentAt = e.t;
        b.bar.requestId = e.id;
      }
      barOfEvent[e.id] = b.bar.id;
      continue;
    }
    if (moves && e.leg) {
      // A leg back from the callee: the answer (or a reset) to the newest call waiting on it.
      const b = waitingOn(e.to, e.from, e.requestId);
      if (b) {
        b.answeredAt = e.t;
        b.answerId = e.id;
        b.bar.end = legEnd(e);
        b.bar.outcome = b.sentAt === null ? 'refused' : 'answered';
        b.bar.status = e.status ?? null;
        b.open = false;
        barOfEvent[e.id] = b.bar.id;
        continue;
      }
    }
    if (!moves && e.kind === 'timeout') {
      const b = waitingOn(e.from);
      if (b) {
        b.bar.timeoutAt = e.t;
        b.bar.timeoutId = e.id;
        leave(b, e.t, 'timed-out');
        barOfEvent[e.id] = b.bar.id;
        continue;
      }
    }
    if (!moves && e.kind === 'orphaned') {
      const unread = openBars().filter((b) => b.bar.callee === e.from && b.leftAt !== null && !b.unread);
      const b = unread.find((c) => c.requestKey === e.requestId && c.attemptKey === e.attempt) ?? unread[0];
      if (b) {
        b.unread = { until: e.t, eventId: e.id };
        b.open = false;
        barOfEvent[e.id] = b.bar.id;
        continue;
      }
    }
    barOfEvent[e.id] = workingFor(e.from, e.requestId)?.bar.id ?? null;
  }

  return { bars: treeOrder(all.map((b) => ({ ...b.bar, segments: segmentsOf(b) }))), barOfEvent };
}

/** Each bar followed by the calls made for it, as a tree reads; siblings by start time. */
function treeOrder(bars: Bar[]): Bar[] {
  const children = new Map<number | null, Bar[]>();
  for (const bar of bars) children.set(bar.parent, [...(children.get(bar.parent) ?? []), bar]);
  const ordered: Bar[] = [];
  const visit = (parent: number | null) => {
    for (const bar of children.get(parent) ?? []) {
      ordered.push(bar);
      visit(bar.id);
    }
  };
  visit(null);
  return ordered;
}

/** Whether an event is drawn as part of a bar: its segments' events and its timeout. */
export function barShows(bar: Bar, eventId: number): boolean {
  return bar.timeoutId === eventId || bar.segments.some((s) => s.eventId === eventId);
}
