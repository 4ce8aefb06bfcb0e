/** Opening a database connection: TCP, then the engine's own handshake (the steps and their sources: db-handshake-steps.ts). */
import type { DbEngine, TlsVersion } from '@/lib/scenario/schema';
import { leg, type SimContext, type Tag } from '../context';
import type { Task } from '../kernel/kernel';
import { ensureConnection, flush, tlsHandshake } from '../net/handshake';
import { DB_HANDSHAKES } from './db-handshake-steps';

/**
 * Opens a new pooled connection: TCP, then the engine's own handshake, TLS included where it applies. False when
 * TCP could not connect (the network's filters dropped the SYN or its answer, and TCP gave up).
 */
export function* openDbConnection(ctx: SimContext, tag: Tag, engine: DbEngine, tls: TlsVersion): Task<boolean> {
  const pending = yield* ensureConnection(ctx, tag, 'app', 'db', { tls: null });
  if (pending === null) return false;
  for (const step of DB_HANDSHAKES[engine]) {
    if ('tls' in step) {
      yield* tlsHandshake(ctx, tag, 'app', 'db', tls, pending);
      continue;
    }
    if (step.from === 'app') flush(ctx, tag, 'app', 'db', pending);
    // A server that speaks first (MySQL's greeting) waits for the client's final ACK to arrive.
    for (const segment of step.from === 'db' ? pending.splice(0) : []) yield* leg(ctx, tag, 'app', 'db', 'handshake', segment);
    const [from, to] = step.from === 'app' ? (['app', 'db'] as const) : (['db', 'app'] as const);
    yield* leg(ctx, tag, from, to, 'handshake', {
      kind: step.from === 'app' ? 'db-auth' : 'db-auth-ok',
      narration: step.narration,
      decision: step.message,
    });
  }
  flush(ctx, tag, 'app', 'db', pending);
  return true;
}
