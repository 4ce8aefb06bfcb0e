/**
 * Settings that cannot take effect together. The scenario keeps the learner's choices (a link made from
 * it keeps them too); these notices say why the run looks as it does. Each one states what the engine
 * does, and compatibility.test.ts runs the engine to hold them to it.
 */
import type { HttpMethod, Scenario } from './schema';
import type { Notice } from './url-codec';

/**
 * The safe methods (RFC 9110 §9.2.1): the app writes nothing for them (lib/sim/nodes/operations.ts).
 * GET and HEAD run a plain read; OPTIONS, a CORS preflight, touches no database at all.
 */
const READS: readonly HttpMethod[] = ['GET', 'HEAD', 'OPTIONS'];

export function compatibilityNotices(scenario: Scenario): Notice[] {
  const { db, request } = scenario;
  const notices: Notice[] = [];
  const read = READS.includes(request.method);

  if (db.behaviour === 'deadlock' && db.engine === 'redis') {
    // Redis executes commands one after another on a single thread, and a transaction runs with no other
    // client's command in between (redis.io docs, "Transactions"; "Diagnosing latency issues": "Redis uses a
    // mostly single threaded design"). Nothing waits on a lock, so there is no cycle of waits to deadlock.
    notices.push({ param: 'db', message: 'Redis runs commands one at a time, so it cannot deadlock: the request runs as if the database were healthy.' });
  } else if (db.behaviour === 'deadlock' && request.method === 'OPTIONS') {
    notices.push({ param: 'db', message: 'An OPTIONS preflight is answered without touching the database, so the deadlock never comes into play.' });
  } else if (db.behaviour === 'deadlock' && db.engine === 'mongodb' && request.method !== 'POST' && !read) {
    // MongoDB docs, "Transactions in Production": write conflicts surface inside multi-document transactions;
    // a single-document write retries internally. Only the app's POST (order + stock) is such a transaction.
    notices.push({
      param: 'db',
      message: `MongoDB has no lock waits to deadlock on, and a single-document write like this ${request.method} never surfaces a write conflict: it runs as if the database were healthy.`,
    });
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
  } else if (request.idempotencyKey && (request.method === 'PUT' || request.method === 'DELETE')) {
    notices.push({
      param: 'idem',
      message: `A ${request.method} is idempotent (RFC 9110 §9.2.2), and this app's handler keeps that promise, so it is retried with or without an Idempotency-Key: the key only matters for POST and PATCH.`,
    });
  }

  // The rate-based rule is a rule of the web ACL (AWS WAF Developer Guide, "Using rate-based rule statements").
  if (scenario.waf.rateLimit > 0 && scenario.waf.mode === 'off') {
    notices.push({ param: 'rateLimit', message: 'The rate-based rule is part of the WAF’s web ACL: with the WAF off, nothing counts or limits requests.' });
  } else if (scenario.waf.ipRequests > 0 && scenario.waf.rateLimit === 0) {
    notices.push({ param: 'ipRequests', message: 'Only a rate-based rule counts an address’s requests: set rateLimit for ipRequests to matter.' });
  }
  return notices;
}
