/**
 * App → database: a driver speaks the engine's own protocol over TCP on the engine's port,
 * through a connection pool (HikariCP, pg-pool) — not REST, and not the AWS SDK.
 *
 * The statement runs on the server whether or not the app is still waiting: a timeout in the app abandons
 * the answer, not the work (PostgreSQL runs a statement to the end unless `statement_timeout` fires or the
 * client sends a cancel request; PostgreSQL docs, "Canceling Requests in Progress"). A write that commits
 * after the app gave up is still a committed write, and the ledger counts it.
 */
import type { DbEngine } from '@/lib/scenario/schema';
import { leg, note, tryLeg, work, type EventFields, type SimContext, type Tag } from '../context';
import { formatSeconds } from '../http';
import { acquire, serve, sleep, Signal, waitFor, type Task } from '../kernel/kernel';
import { commitWrite, type StoredResult } from '../ledger';
import { ensureConnection, markClosed, TCP_CONNECT_GIVE_UP_MS } from '../net/handshake';
import { leaseFrom, type Lease } from '../pool';
import type { Resource } from '../kernel/kernel';
import type { AttemptResult } from '../retry/retry';
import { DB_ENGINE_LABELS, DB_PORTS } from '@/lib/scenario/vocabulary';
import { openDbConnection } from './db-handshake';
import { cutOffByFailover } from './db-failover';
import { commitWord, keyedStatementFor, parameterNarration, resultFor, statementFor } from './db-language';
import type { Operation } from './operations';

/**
 * How each engine reports a clash with a competing transaction, how soon, and what it undoes.
 * - PostgreSQL: SQLSTATE 40P01 after `deadlock_timeout`, 1 s by default; the whole transaction is rolled back
 *   (PostgreSQL docs, "Lock Management", "Explicit Locking: Deadlocks").
 * - MySQL/InnoDB: error 1213, detected at once while innodb_deadlock_detect is on; InnoDB rolls back the whole
 *   transaction (MySQL docs, "Deadlock Detection").
 * - Oracle: ORA-00060 rolls back only the statement that detected the deadlock; the transaction stays open
 *   and keeps its locks until the application rolls it back (Oracle Database Concepts, "Deadlocks").
 *   Detection time *assumed* 1 s.
 * - MongoDB: there is no lock wait to deadlock on. A write conflict inside a multi-document transaction
 *   aborts it at once with the TransientTransactionError label, and the driver's `withTransaction` runs the
 *   transaction again; a single-document write never surfaces one (MongoDB docs, "Transactions in Production",
 *   "In-progress Transactions and Write Conflicts").
 * - Redis runs commands one at a time, so it cannot deadlock (redis.io, "Redis is single-threaded").
 * Only writes clash here: a plain read takes no row locks under MVCC (PostgreSQL docs, "Concurrency Control";
 * InnoDB consistent nonlocking reads; Oracle read consistency; MongoDB reads never write-conflict).
 */
type Clash = { code: string; detectMs: number; undoes: 'transaction' | 'statement' | 'transaction, retried by the driver' };
const CLASH: Readonly<Record<DbEngine, Clash | null>> = {
  postgres: { code: 'SQLSTATE 40P01 deadlock_detected', detectMs: 1000, undoes: 'transaction' },
  mysql: { code: 'ERROR 1213 (40001) Deadlock found when trying to get lock', detectMs: 2, undoes: 'transaction' },
  oracle: { code: 'ORA-00060: deadlock detected while waiting for resource', detectMs: 1000, undoes: 'statement' },
  mongodb: { code: 'WriteConflict (112), label TransientTransactionError', detectMs: 0, undoes: 'transaction, retried by the driver' },
  redis: null,
};

/** Whether the engine can clash on this write: MongoDB only inside its multi-document transaction (the create). */
function canClash(engine: DbEngine, op: Operation): boolean {
  if (!op.writes || !CLASH[engine]) return false;
  return engine !== 'mongodb' || op.kind === 'create';
}

/** The Idempotency-Key the app stores in the same transaction as the write, with the result to replay. */
export interface KeyRecord {
  key: string;
  /** The response a repeat gets, built from the committed row. */
  result: (orderId: number) => StoredResult;
}

export type DbAnswer = { kind: 'rows'; orderId: number | null } | { kind: 'replayed'; stored: StoredResult };
export type DbFailure = 'timeout' | 'unreachable' | 'deadlock';

type ServerOutcome = DbAnswer | 'clash';

export function* queryOnce(ctx: SimContext, tag: Tag, pool: Resource, op: Operation, parameter: string, keyRecord: KeyRecord | null): Task<AttemptResult<DbAnswer | DbFailure>> {
  const { db, connections, tls, conditions } = ctx.world;
  const engine = DB_ENGINE_LABELS[db.engine];
  const port = DB_PORTS[db.engine];

  const askedAt = ctx.kernel.now;
  const busyBefore = pool.inUse;
  yield* acquire(pool);
  const lease = leaseFrom(pool);
  const waitMs = ctx.kernel.now - askedAt;
  const inUse = pool.inUse;
  const size = pool.capacity;
  note(ctx, tag, 'app', {
    kind: 'pool-acquire',
    narration: () =>
      waitMs > 0
        ? `All ${size} pooled connections were busy, so the app waited ${formatSeconds(waitMs)} for one to come back.`
        : busyBefore > 0
          ? `The app borrows a connection from its pool: ${busyBefore} of ${size} ${busyBefore === 1 ? 'is' : 'are'} still busy with earlier queries whose answers nobody is waiting for, so one is free.`
          : `The app borrows a connection from its pool (${size} connections); none is busy, so there is no wait.`,
    decision: `pool: connection acquired, wait ${Math.round(waitMs)} ms (${inUse}/${size} in use)`,
    detail: { poolSize: size, waitMs, inUse },
  });

  try {
    if (conditions.db === 'down' || (conditions.dbFailover !== null && cutOffByFailover(ctx, tag, pool))) {
      // The instance is gone (or fenced off in a failover): a pooled connection's packets vanish, and a new one's SYN is never answered.
      markClosed(ctx, 'app', 'db');
      // Dropped on the way by a filter or arriving at nothing, the SYN is never answered.
      yield* tryLeg(ctx, tag, 'app', 'db', 'handshake', {
        kind: 'tcp-syn',
        narration: () => `The pooled connection is dead, so the driver tries to open a new one to ${engine} on port ${port}; nothing answers.`,
        decision: `TCP SYN to :${port}, no answer`,
      });
      yield* sleep(TCP_CONNECT_GIVE_UP_MS);
      return { ok: false, value: 'unreachable', transient: true, safeToRepeat: true, reason: 'the database did not answer' };
    }

    if (connections === 'warm') yield* ensureConnection(ctx, tag, 'app', 'db', { tls: null, alreadyOpen: true });
    else if (!(yield* openDbConnection(ctx, tag, db.engine, tls))) return { ok: false, value: 'unreachable', transient: true, safeToRepeat: true, reason: 'the connection timed out' };

    // The MongoDB driver's withTransaction runs the transaction again at once after a transient write conflict.
    for (;;) {
      const outcome = yield* sendStatement(ctx, tag, op, parameter, keyRecord, lease);
      if (outcome !== 'clash') return { ok: true, value: outcome };
      if (db.engine === 'mongodb') {
        ctx.counters.retries += 1;
        note(ctx, tag, 'app', {
          kind: 'retry',
          narration: 'The error carries the TransientTransactionError label, so the driver’s withTransaction runs the whole transaction again at once, whatever the app’s own retry policy says.',
          decision: 'withTransaction: retry on TransientTransactionError',
        });
        continue;
      }
      if (db.engine === 'oracle') yield* rollBack(ctx, tag, engine);
      return { ok: false, value: 'deadlock', transient: true, safeToRepeat: true, reason: 'a deadlock' };
    }
  } finally {
    // A statement still with the database keeps its connection: the server's side gives it back with its answer.
    if (!lease.withServer) lease.release();
  }
}

/** After ORA-00060 the transaction is still open and holds its locks: the app must roll it back itself. */
function* rollBack(ctx: SimContext, tag: Tag, engine: string): Task<void> {
  yield* leg(ctx, tag, 'app', 'db', 'request', {
    kind: 'rollback',
    narration: () => `Oracle undid only the statement; the transaction still holds its locks. The app sends ROLLBACK before it tries again.`,
    decision: 'ROLLBACK',
  });
  yield* leg(ctx, tag, 'db', 'app', 'response', {
    kind: 'rollback',
    narration: () => `${engine} rolls the whole transaction back and releases its locks.`,
    decision: 'rolled back, locks released',
  });
}

/** Sends one statement and waits for the server's answer; the server's work is its own (see the file header). */
function* sendStatement(ctx: SimContext, tag: Tag, op: Operation, parameter: string, keyRecord: KeyRecord | null, lease: Lease): Task<ServerOutcome> {
  const { db } = ctx.world;
  const engine = DB_ENGINE_LABELS[db.engine];
  const port = DB_PORTS[db.engine];
  ctx.counters.dbQueries += 1;
  yield* leg(ctx, tag, 'app', 'db', 'request', {
    kind: 'db-query',
    narration: op.writes
      ? `The driver sends the transaction over TCP ${port}${keyRecord ? ', with the Idempotency-Key stored in the same transaction' : ''}; ${parameterNarration(db.engine)}.`
      : `The driver sends the query over TCP ${port}; ${parameterNarration(db.engine)}.`,
    decision: keyRecord ? keyedStatementFor(db.engine, op.kind, keyRecord.key) : statementFor(db.engine, op.kind),
    detail: { parameter: parameter.slice(0, 200), engine, port },
  });
  const caller = { gone: false, at: 0 };
  lease.withServer = true;
  const work = (function* (): Task<ServerOutcome> {
    try {
      return yield* runOnServer(ctx, tag, op, keyRecord, caller);
    } finally {
      // The answer has reached the app's socket: the driver can lend the connection again, read or not.
      if (caller.gone) lease.release();
    }
  })();
  const outcome = yield* serve(work, () => {
    caller.gone = true;
    caller.at = ctx.kernel.now;
  });
  lease.withServer = false;
  return outcome;
}

function* runOnServer(ctx: SimContext, tag: Tag, op: Operation, keyRecord: KeyRecord | null, caller: { gone: boolean; at: number }): Task<ServerOutcome> {
  const { db, latency, conditions } = ctx.world;
  const engine = DB_ENGINE_LABELS[db.engine];
  const statementMs = ctx.world.statementMs();
  const ledger = ctx.ledger;

  // The key is inserted first, under a unique constraint: a repeat finds it, or waits for the transaction that holds it.
  let keySignal: Signal<StoredResult | null> | null = null;
  if (keyRecord) {
    const stored = ledger.appKeys.get(keyRecord.key);
    const inFlight = ledger.appKeysInFlight.get(keyRecord.key);
    if (!stored && inFlight) {
      note(ctx, tag, 'db', {
        kind: 'lock-wait',
        narration: () => `Another transaction inserted this Idempotency-Key and has not committed: the unique index makes this one wait for it.`,
        decision: `waiting on unique index idempotency_keys_pkey (key ${keyRecord.key})`,
      });
    }
    const found = stored ?? (inFlight ? yield* waitFor(inFlight) : null);
    if (found) {
      yield* work(ctx, tag, 'db', latency.dbQueryMs, {
        kind: 'replay',
        narration: () => `The key is already stored with its result, so this transaction inserts nothing: ${engine} rolls it back and the app reads the stored response.`,
        decision: `unique violation on key ${keyRecord.key} → ROLLBACK; order ${found.orderId} already exists`,
      });
      yield* answer(ctx, tag, caller, { status: 200, text: `key ${keyRecord.key} belongs to order ${found.orderId}` });
      return { kind: 'replayed', stored: found };
    }
    keySignal = new Signal<StoredResult | null>();
    ledger.appKeysInFlight.set(keyRecord.key, keySignal);
  }

  const clash = CLASH[db.engine];
  if (conditions.db === 'deadlock' && clash && canClash(db.engine, op) && !ledger.competitorCommitted) {
    ledger.competitorCommitted = true;
    yield* work(ctx, tag, 'db', clash.detectMs, {
      kind: 'deadlock',
      narration: () =>
        db.engine === 'mongodb'
          ? 'Another transaction changed the same stock document first: MongoDB does not wait for locks, it aborts this transaction at once with a write conflict.'
          : `Another transaction holds the row this one needs while waiting for a row this one holds: ${engine} detects the deadlock and undoes this ${clash.undoes === 'statement' ? 'statement, and only the statement' : 'transaction'}.`,
      decision: clash.code,
    });
    if (keyRecord && keySignal) {
      ledger.appKeysInFlight.delete(keyRecord.key);
      keySignal.fire(null);
    }
    yield* answer(ctx, tag, caller, {
      status: 0,
      text: clash.code,
      narration: () =>
        clash.undoes === 'statement'
          ? `${engine} reports ORA-00060. Only the statement was undone: the transaction is still open and keeps its locks.`
          : `${engine} reports the ${db.engine === 'mongodb' ? 'write conflict' : 'deadlock'}; the whole transaction was rolled back, so running it again is safe.`,
    });
    return 'clash';
  }

  yield* work(ctx, tag, 'db', statementMs, {
    kind: 'db-result',
    narration: narrateStatement(ctx, op, statementMs),
    decision: `${op.writes ? 'transaction' : 'query'} took ${statementMs} ms`,
  });

  let orderId: number | null = null;
  if (op.writes) {
    const repeat = (ledger.applied.get(op.kind) ?? 0) > 0;
    const { duplicate } = commitWrite(ledger, op.kind, op.repeatable);
    orderId = op.kind === 'create' ? 9000 + (ledger.applied.get('create') ?? 1) : 9001;
    if (keyRecord && keySignal) {
      const stored = keyRecord.result(orderId);
      ledger.appKeys.set(keyRecord.key, stored);
      ledger.appKeysInFlight.delete(keyRecord.key);
      keySignal.fire(stored);
    }
    note(ctx, tag, 'db', {
      kind: 'commit',
      narration: duplicate
        ? `${engine} commits. This is the same change made a second time: ${op.why}. The data now holds a duplicate.`
        : repeat
          ? `${engine} commits. The change was made before, and making it again changes nothing: ${op.why}.`
          : `${engine} commits the transaction${keyRecord ? ' and the key with it' : ''}.`,
      decision: `${commitWord(db.engine)}: ${resultFor(db.engine, op.kind, repeat)}${duplicate ? ' (duplicate)' : ''}`,
      detail: { writesCommitted: ledger.writesCommitted, duplicateWrites: ledger.duplicateWrites },
    });
  }
  yield* answer(ctx, tag, caller, {
    status: 200,
    text: resultFor(db.engine, op.writes ? op.kind : 'read', false),
    orphan: op.writes ? 'The write is committed all the same, and the app will never learn that it succeeded.' : undefined,
  });
  return { kind: 'rows', orderId };
}

function narrateStatement(ctx: SimContext, op: Operation, ms: number): string {
  const { db, conditions } = ctx.world;
  const engine = DB_ENGINE_LABELS[db.engine];
  const what = op.writes ? 'transaction' : 'query';
  if (conditions.db === 'slow') {
    return `${engine} is slow today: the ${what} takes ${ms} ms${db.engine === 'postgres' ? ", and PostgreSQL's statement_timeout is off by default, so nothing stops it" : ''}.`;
  }
  if (conditions.db === 'deadlock' && !CLASH[db.engine]) return `${engine} runs one command at a time, so it cannot deadlock: the command simply runs.`;
  if (conditions.db === 'deadlock' && db.engine === 'mongodb' && op.writes && op.kind !== 'create') {
    return 'A single-document write never surfaces a write conflict: MongoDB retries it internally, so it simply runs.';
  }
  if (conditions.db === 'deadlock' && !op.writes) {
    return `A plain read takes no row locks (${engine} serves it from a consistent snapshot), so the competing transaction cannot deadlock it: the query runs in ${ms} ms.`;
  }
  return `${engine} runs the ${what} in ${ms} ms.`;
}

/** The server's reply leg, or, when the app already gave up, the reply that nobody reads. */
function* answer(ctx: SimContext, tag: Tag, caller: { gone: boolean; at: number }, reply: { status: number; text: string; narration?: EventFields['narration']; orphan?: string }): Task<void> {
  const engine = DB_ENGINE_LABELS[ctx.world.db.engine];
  if (caller.gone) {
    note(ctx, tag, 'db', {
      kind: 'orphaned',
      narration: () => `${engine} sends its answer (${reply.text}), but the app stopped waiting at ${formatSeconds(caller.at)}: nobody will read it.${reply.orphan ? ` ${reply.orphan}` : ''}`,
      decision: `${reply.text}: sent to nobody`,
    });
    return;
  }
  yield* leg(ctx, tag, 'db', 'app', reply.status === 0 ? 'error' : 'response', {
    kind: reply.status === 0 ? 'db-error' : 'db-result',
    narration: reply.narration ?? `${engine} returns the result to the app over the same TCP connection.`,
    decision: reply.text,
  });
}
