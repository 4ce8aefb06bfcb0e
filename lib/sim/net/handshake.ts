/**
 * Opening a connection costs round trips before the first byte of data:
 * - TCP: SYN → SYN-ACK → ACK, 1 RTT; the ACK can ride with the first data (RFC 9293 §3.5).
 * - TLS 1.3: a full handshake costs 1 RTT; the client's Finished rides with the first request (RFC 8446 §2).
 * - TLS 1.2: a full handshake costs 2 RTT (RFC 5246 §7.3).
 * A kept-alive connection costs nothing: HTTP/1.1 keeps connections open by default (RFC 9112 §9.3).
 */
import type { TlsVersion } from '@/lib/scenario/schema';
import { leg, note, sendAlongside, tryLeg, type EventFields, type SimContext, type Tag } from '../context';
import { withDeadline, type Task } from '../kernel/kernel';
import type { NodeId } from '../types';
import { NODES } from '../topology';

export interface OpenOptions {
  tls: TlsVersion | null;
  /** When true, the connection is already open (a warm pool, keep-alive). */
  alreadyOpen?: boolean;
  /** Called when the SYN has arrived: inline inspection (Shield) happens here. */
  onSynArrived?: () => void;
}

const keys = new Map<NodeId, Map<NodeId, string>>();

/** `client>server`, made once per pair: every hop of every request asks. */
function key(client: NodeId, server: NodeId): string {
  let byServer = keys.get(client);
  if (!byServer) keys.set(client, (byServer = new Map()));
  let found = byServer.get(server);
  if (found === undefined) byServer.set(server, (found = `${client}>${server}`));
  return found;
}

export function isOpen(ctx: SimContext, client: NodeId, server: NodeId): boolean {
  return ctx.openConnections.has(key(client, server));
}

export function markOpen(ctx: SimContext, tag: Tag, client: NodeId, server: NodeId): void {
  if (!isOpen(ctx, client, server)) ctx.openConnections.set(key(client, server), { requestId: tag.requestId, attempt: tag.attempt });
}

/** A connection that was open before the run began (traffic's visitors arrive on one). */
export function markOpenBeforeRun(ctx: SimContext, client: NodeId, server: NodeId): void {
  ctx.openConnections.set(key(client, server), null);
}

/**
 * The warm path of `ensureConnection`, without a generator: when the connection is open (or the caller says it
 * is), notes its reuse and returns true. The attempt that just opened a connection uses it without comment.
 */
export function reuseOpenConnection(ctx: SimContext, tag: Tag, client: NodeId, server: NodeId, alreadyOpen: boolean | undefined): boolean {
  const k = key(client, server);
  const openedBy = ctx.openConnections.get(k);
  if (openedBy === undefined && !alreadyOpen) return false;
  if (openedBy && openedBy.requestId === tag.requestId && openedBy.attempt === tag.attempt) return true;
  if (openedBy === undefined) ctx.openConnections.set(k, { requestId: tag.requestId, attempt: tag.attempt });
  note(ctx, tag, client, {
    kind: 'conn-reuse',
    narration: () => `${NODES[client].label} reuses its open connection to ${NODES[server].label}, so no handshake is needed.`,
    decision: 'connection reused (keep-alive)',
  });
  return true;
}

export function markClosed(ctx: SimContext, client: NodeId, server: NodeId): void {
  ctx.openConnections.delete(key(client, server));
}

/**
 * With nobody answering, Linux gives up on a new connection after 6 SYN retransmissions, about 127 s
 * (tcp_syn_retries = 6; kernel docs, ip-sysctl): what a SYN the filters drop, or a SYN-ACK they drop on its way
 * back, comes to when no timeout of the caller's ends the wait first.
 */
export const TCP_CONNECT_GIVE_UP_MS = 127_000;

/**
 * Makes sure `client` has a connection to `server`, emitting the handshake if one must be opened.
 * Returns once the client may send its first data byte. A final segment that travels with that data
 * (the TCP ACK, the TLS 1.3 client Finished) is emitted alongside it by `sendPending`.
 * Null when the connection could not be opened: the network's filters dropped the SYN or the SYN-ACK, and TCP
 * gave up retransmitting (a caller with a connect timeout of its own stops waiting long before).
 */
export function* ensureConnection(ctx: SimContext, tag: Tag, client: NodeId, server: NodeId, options: OpenOptions): Task<PendingSegments | null> {
  const pending: PendingSegments = [];
  if (reuseOpenConnection(ctx, tag, client, server, options.alreadyOpen)) return pending;
  const c = NODES[client].label;
  const s = NODES[server].label;
  const sentAt = ctx.kernel.now;
  let answered = yield* tryLeg(ctx, tag, client, server, 'handshake', {
    kind: 'tcp-syn',
    narration: () => `${c} asks ${s} to open a TCP connection (SYN).`,
    decision: 'TCP SYN',
  });
  if (answered) {
    options.onSynArrived?.();
    answered = yield* tryLeg(ctx, tag, server, client, 'handshake', {
      kind: 'tcp-syn-ack',
      narration: () => `${s} agrees and acknowledges (SYN-ACK).`,
      decision: 'TCP SYN-ACK',
    });
  }
  if (!answered) {
    // The client hears nothing, retransmits its SYN into the same filter, and finally gives up.
    yield { type: 'sleep', ms: sentAt + TCP_CONNECT_GIVE_UP_MS - ctx.kernel.now };
    return null;
  }
  pending.push({ kind: 'tcp-ack', narration: () => `${c} confirms (ACK); the connection is open after one round trip.`, decision: 'TCP ACK' });

  if (options.tls) yield* tlsHandshake(ctx, tag, client, server, options.tls, pending);
  markOpen(ctx, tag, client, server);
  return pending;
}

/**
 * Opens a connection within the client's connect timeout, sending the segments that ride with the first data at
 * once. False when the handshake did not finish in time (the caller says so, and gives up on this connection).
 */
export function* connectWithin(ctx: SimContext, tag: Tag, client: NodeId, server: NodeId, tls: TlsVersion | null, timeoutMs: number): Task<boolean> {
  const raced = yield* withDeadline(ensureConnection(ctx, tag, client, server, { tls }), timeoutMs);
  if (!raced.finished || raced.value === null) return false;
  flush(ctx, tag, client, server, raced.value);
  return true;
}

export type PendingSegments = { kind: 'tcp-ack' | 'tls-client-finished'; narration: EventFields['narration']; decision: string }[];

/** Emits the handshake segments that travel with the first data. */
export function flush(ctx: SimContext, tag: Tag, client: NodeId, server: NodeId, pending: PendingSegments): void {
  if (pending.length === 0) return;
  for (const segment of pending.splice(0)) {
    sendAlongside(ctx, tag, client, server, 'handshake', segment);
  }
}

/**
 * The TLS handshake on an open TCP connection. A final client segment that can travel with the first
 * application data (TLS 1.3's Finished) is left in `pending`.
 */
export function* tlsHandshake(ctx: SimContext, tag: Tag, client: NodeId, server: NodeId, version: TlsVersion, pending: PendingSegments): Task<void> {
  const c = NODES[client].label;
  const s = NODES[server].label;
  if (version === '1.3') {
    flush(ctx, tag, client, server, pending);
    yield* leg(ctx, tag, client, server, 'handshake', {
      kind: 'tls-client-hello',
      narration: () => `${c} starts TLS 1.3 with a ClientHello that already carries its key share.`,
      decision: 'TLS 1.3 ClientHello + key_share',
    });
    yield* leg(ctx, tag, server, client, 'handshake', {
      kind: 'tls-server-hello',
      narration: () => `${s} answers with its key share, certificate and Finished: one round trip for TLS 1.3.`,
      decision: 'TLS 1.3 ServerHello … Finished',
    });
    pending.push({ kind: 'tls-client-finished', narration: () => `${c} sends its Finished together with the first request.`, decision: 'TLS Finished' });
  } else if (version === '1.2') {
    flush(ctx, tag, client, server, pending);
    yield* leg(ctx, tag, client, server, 'handshake', {
      kind: 'tls-client-hello',
      narration: () => `${c} starts TLS 1.2 with a ClientHello.`,
      decision: 'TLS 1.2 ClientHello',
    });
    yield* leg(ctx, tag, server, client, 'handshake', {
      kind: 'tls-server-hello',
      narration: () => `${s} answers with ServerHello, its certificate and ServerHelloDone.`,
      decision: 'TLS 1.2 ServerHello, Certificate, ServerHelloDone',
    });
    yield* leg(ctx, tag, client, server, 'handshake', {
      kind: 'tls-client-finished',
      narration: () => `${c} sends its key exchange and Finished: TLS 1.2 needs a second round trip.`,
      decision: 'TLS 1.2 ClientKeyExchange, ChangeCipherSpec, Finished',
    });
    yield* leg(ctx, tag, server, client, 'handshake', {
      kind: 'tls-server-finished',
      narration: () => `${s} sends its Finished; encrypted data can flow after two round trips.`,
      decision: 'TLS 1.2 ChangeCipherSpec, Finished',
    });
  }
}
