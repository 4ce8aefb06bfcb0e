/**
 * Settings that cannot take effect together. The scenario keeps the learner's choices (a link made from
 * it keeps them too); these notices say why the run looks as it does. Each one states what the engine
 * does, and compatibility.test.ts runs the engine to hold them to it.
 */
import type { HttpMethod, Scenario } from './schema';
import type { Notice } from './url-codec';

/**
 * The methods the app serves as plain reads, a query rather than a write transaction, and for which it
 * calls the payments API with a read (lib/sim/nodes/app.ts, thirdparty.ts). Both are safe methods
 * (RFC 9110 §9.2.1). OPTIONS is safe too, but the app handles it as a write, so it is not listed.
 */
const READS: readonly HttpMethod[] = ['GET', 'HEAD'];

export function compatibilityNotices(scenario: Scenario): Notice[] {
  const { db, request } = scenario;
  const notices: Notice[] = [];
  const read = READS.includes(request.method);

  if (db.behaviour === 'deadlock' && db.engine === 'redis') {
    // Redis executes commands one after another on a single thread, and a transaction runs with no other
    // client's command in between (redis.io docs, "Transactions"; "Diagnosing latency issues": "Redis uses a
    // mostly single threaded design"). Nothing waits on a lock, so there is no cycle of waits to deadlock.
    notices.push({ param: 'db', message: 'Redis runs commands one at a time, so it cannot deadlock: the request runs as if the database were healthy.' });
  } else if (db.behaviour === 'deadlock' && read) {
    // Under MVCC a plain read takes no row locks: PostgreSQL docs, "Concurrency Control" (reading never blocks
    // writing); InnoDB consistent nonlocking reads; Oracle read consistency; MongoDB reads never write-conflict.
    notices.push({
      param: 'db',
      message: `Only writes can deadlock. A ${request.method} only reads, and a plain read takes no row locks (it is served from a consistent snapshot), so the request runs as if the database were healthy.`,
    });
  }

  if (request.idempotencyKey && read) {
    notices.push({
      param: 'idem',
      message: `A ${request.method} is safe to repeat (RFC 9110 §9.2.1), so it is retried with or without an Idempotency-Key: the key only matters for writes.`,
    });
  }
  return notices;
}
