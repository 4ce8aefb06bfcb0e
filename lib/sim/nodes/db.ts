/**
 * App → database: a driver speaks the engine's own protocol over TCP on the engine's port,
 * through a connection pool (HikariCP, pg-pool) — not REST, and not the AWS SDK.
 */
import type { DbEngine } from '@/lib/scenario/schema';
import { leg, note, work, type SimContext, type Tag } from '../context';
import { sleep, type Task } from '../kernel/kernel';
import { ensureConnection, flush, markClosed } from '../net/handshake';
import type { AttemptResult } from '../retry/retry';
import { DB_ENGINE_LABELS, DB_PORTS } from '../topology';

/** HikariCP's default maximumPoolSize (HikariCP README, "Frequently used" settings). */
export const POOL_SIZE = 10;

/**
 * With nobody answering, Linux gives up on a new connection after 6 SYN retransmissions,
 * about 127 s (tcp_syn_retries = 6; kernel docs, ip-sysctl).
 */
export const TCP_CONNECT_GIVE_UP_MS = 127_000;

/**
 * How each engine reports a deadlock, and how soon it notices.
 * - PostgreSQL: SQLSTATE 40P01 after `deadlock_timeout`, 1 s by default (PostgreSQL docs, "Lock Management").
 * - MySQL/InnoDB: error 1213, detected at once while innodb_deadlock_detect is on (MySQL docs, "Deadlock Detection").
 * - Oracle: ORA-00060, detected by the server within seconds. *assumed* 1 s.
 * - MongoDB: a WriteConflict (code 112) labelled TransientTransactionError (MongoDB docs, "Transactions in Production").
 * - Redis runs commands one at a time, so it cannot deadlock.
 * Only writes can deadlock here: a plain read takes no row locks under MVCC (PostgreSQL docs, "Concurrency
 * Control"; InnoDB consistent nonlocking reads; Oracle read consistency; MongoDB reads never write-conflict).
 */
const DEADLOCK: Readonly<Record<DbEngine, { code: string; detectMs: number } | null>> = {
  postgres: { code: 'SQLSTATE 40P01 deadlock_detected', detectMs: 1000 },
  mysql: { code: 'ERROR 1213 (40001) Deadlock found when trying to get lock', detectMs: 2 },
  oracle: { code: 'ORA-00060: deadlock detected while waiting for resource', detectMs: 1000 },
  mongodb: { code: 'WriteConflict (112), TransientTransactionError', detectMs: 2 },
  redis: null,
};

/** What the app asks: a read for safe methods, a write transaction otherwise. */
export function statementFor(engine: DbEngine, write: boolean): string {
  switch (engine) {
    case 'mongodb':
      return write ? 'db.orders.insertOne({ user: 42, … })' : 'db.users.findOne({ _id: 42 })';
    case 'redis':
      return write ? 'HSET order:9001 user 42 …' : 'HGETALL user:42';
    case 'mysql':
      return write ? 'INSERT INTO orders (user_id, …) VALUES (?, …)' : 'SELECT username, plan FROM users WHERE id = ?';
    case 'oracle':
      return write ? 'INSERT INTO orders (user_id, …) VALUES (:1, …)' : 'SELECT username, plan FROM users WHERE id = :1';
    case 'postgres':
      return write ? 'INSERT INTO orders (user_id, …) VALUES ($1, …)' : 'SELECT username, plan FROM users WHERE id = $1';
  }
}

export interface DbRows {
  username: string;
  plan: string;
}

export type DbFailure = 'timeout' | 'unreachable' | 'deadlock';

export function* queryOnce(ctx: SimContext, tag: Tag, write: boolean, parameter: string): Task<AttemptResult<DbRows | DbFailure>> {
  const { db, connections, latency } = ctx.scenario;
  const engine = DB_ENGINE_LABELS[db.engine];
  const port = DB_PORTS[db.engine];

  note(ctx, tag, 'app', {
    kind: 'pool-acquire',
    narration: `The app borrows a connection from its pool (${POOL_SIZE} connections); none is busy, so there is no wait.`,
    decision: `pool: connection acquired, wait 0 ms (1/${POOL_SIZE} in use)`,
    detail: { poolSize: POOL_SIZE, waitMs: 0 },
  });

  if (db.behaviour === 'down') {
    // The instance is gone: a pooled connection's packets vanish, and a new one's SYN is never answered.
    markClosed(ctx, 'app', 'db');
    yield* leg(ctx, tag, 'app', 'db', 'handshake', {
      kind: 'tcp-syn',
      narration: `The pooled connection is dead, so the driver tries to open a new one to ${engine} on port ${port}; nothing answers.`,
      decision: `TCP SYN to :${port}, no answer`,
    });
    yield* sleep(TCP_CONNECT_GIVE_UP_MS);
    return { ok: false, value: 'unreachable', transient: true, safeToRepeat: true, reason: 'the database did not answer' };
  }

  if (connections === 'cold') {
    const pending = yield* ensureConnection(ctx, tag, 'app', 'db', { tls: null });
    flush(ctx, tag, 'app', 'db', pending);
    yield* leg(ctx, tag, 'app', 'db', 'handshake', {
      kind: 'db-auth',
      narration: `The driver logs in to ${engine} with the database credentials: authentication is the database's own, not REST.`,
      decision: `${engine} startup + authentication`,
    });
    yield* leg(ctx, tag, 'db', 'app', 'handshake', {
      kind: 'db-auth-ok',
      narration: `${engine} accepts the credentials; the pool keeps this connection for the next queries.`,
      decision: 'authenticated, ready for query',
    });
  } else {
    yield* ensureConnection(ctx, tag, 'app', 'db', { tls: null, alreadyOpen: true });
  }

  const statement = statementFor(db.engine, write);
  ctx.counters.dbQueries += 1;
  yield* leg(ctx, tag, 'app', 'db', 'request', {
    kind: 'db-query',
    narration: `The driver sends the ${write ? 'transaction' : 'query'} over TCP ${port}; the learner's text travels as a bound parameter, never as SQL.`,
    decision: statement,
    detail: { parameter: parameter.slice(0, 200), engine, port },
  });

  const deadlock = DEADLOCK[db.engine];
  if (db.behaviour === 'deadlock' && deadlock && write && tag.attempt === 1) {
    yield* work(ctx, tag, 'db', deadlock.detectMs, {
      kind: 'deadlock',
      narration: `Another transaction holds the row this one needs while waiting for a row this one holds: ${engine} detects the deadlock and rolls this transaction back.`,
      decision: deadlock.code,
    });
    yield* leg(ctx, tag, 'db', 'app', 'error', {
      kind: 'db-error',
      narration: `${engine} reports the deadlock; the whole transaction was rolled back, so it is safe to run it again.`,
      decision: deadlock.code,
    });
    return { ok: false, value: 'deadlock', transient: true, safeToRepeat: true, reason: 'a deadlock' };
  }

  const slow = db.behaviour === 'slow';
  yield* work(ctx, tag, 'db', slow ? db.delayMs : latency.dbQueryMs, {
    kind: 'db-result',
    narration: slow
      ? `${engine} is slow today: the query takes ${db.delayMs} ms (PostgreSQL's statement_timeout is off by default, so nothing stops it).`
      : db.behaviour === 'deadlock' && !deadlock
        ? `${engine} runs one command at a time, so it cannot deadlock: the command simply runs.`
        : db.behaviour === 'deadlock' && !write
          ? `A plain read takes no row locks (${engine} serves it from a consistent snapshot), so the competing transaction cannot deadlock it: the query runs in ${latency.dbQueryMs} ms.`
          : `${engine} runs the ${write ? 'transaction' : 'query'} in ${latency.dbQueryMs} ms.`,
    decision: slow ? `query took ${db.delayMs} ms` : `query took ${latency.dbQueryMs} ms`,
  });
  yield* leg(ctx, tag, 'db', 'app', 'response', {
    kind: 'db-result',
    narration: `${engine} returns the row to the app over the same TCP connection.`,
    decision: write ? '1 row inserted' : "1 row: username='jagga', plan='premium'",
  });
  return { ok: true, value: { username: 'jagga', plan: 'premium' } };
}
