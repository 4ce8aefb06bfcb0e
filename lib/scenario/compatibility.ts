/**
 * Settings that cannot take effect together. The scenario keeps the learner's choices (a link made from
 * it keeps them too); these notices say why the run looks as it does. Each one states what the engine
 * does, and compatibility.test.ts runs the engine to hold them to it.
 */
import { DEFAULT_NETWORK, formatRules, formatSgRule } from './network-rules';
import type { HttpMethod, Scenario } from './schema';
import type { Mode } from './vocabulary';
import type { Notice } from './url-codec';

/**
 * The safe methods (RFC 9110 §9.2.1): the app writes nothing for them (lib/sim/nodes/operations.ts).
 * GET and HEAD run a plain read; OPTIONS, a CORS preflight, touches no database at all.
 */
const READS: readonly HttpMethod[] = ['GET', 'HEAD', 'OPTIONS'];

/** The methods an origin group fails over (CloudFront Developer Guide, "Optimize high availability with CloudFront origin failover"). */
const FAILS_OVER: readonly HttpMethod[] = ['GET', 'HEAD', 'OPTIONS'];

/** `shows`: the runs the page can show as they are; any other run is shown as one request with the same settings. */
export function compatibilityNotices(scenario: Scenario, shows: readonly Mode[] = ['single']): Notice[] {
  const { db, request, cache } = scenario;
  const notices: Notice[] = [];
  const read = READS.includes(request.method);

  if (!shows.includes(scenario.mode)) {
    // Lessons run the engine one request at a time (runScenario); the sandbox also runs traffic (lib/traffic), and
    // nothing draws the backoff study yet. Say so rather than show one request as if it were the run.
    notices.push({
      param: 'mode',
      message:
        scenario.mode === 'traffic'
          ? 'This link describes a traffic run of many requests, which this page cannot show: it shows one request with the same settings.'
          : 'This link describes the backoff study, many clients racing to write one row, which this page cannot show: it shows one request with the same settings.',
    });
  }

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
  // A security group judges only the SYN that opens a connection, and keeps the connections it already tracks
  // when its rules change (Amazon EC2 User Guide, "Security group connection tracking"). With warm connections a
  // single run opens none behind the edge, except its SYNs to a payments API that is down.
  if (scenario.connections === 'warm' && scenario.thirdParty.behaviour !== 'down' && scenario.mode === 'single') {
    for (const key of ['sgAlb', 'sgWeb', 'sgApp', 'sgDb'] as const) {
      if (formatRules(scenario.network[key], formatSgRule) === formatRules(DEFAULT_NETWORK[key], formatSgRule)) continue;
      notices.push({
        param: key,
        message: 'A security group judges only the SYN that opens a connection, and every connection here was open before its rules changed (conn=warm): they change nothing in this run. With conn=cold, connections open under them.',
      });
    }
  }

  // CloudFront at scale (docs/scenario-format.md): parts a link can switch on that this request never meets.
  const { cdn } = scenario;
  if (cdn.originShield && (cache.state === 'off' || (request.method !== 'GET' && request.method !== 'HEAD'))) {
    // CloudFront Developer Guide, "How CloudFront works with regional edge caches": proxy methods and requests that
    // are not cached go from the edge location straight to the origin.
    notices.push({
      param: 'originShield',
      message:
        cache.state === 'off'
          ? 'Caching is off, so every request goes from the edge straight to the origin: Origin Shield only takes cacheable requests.'
          : `A ${request.method} goes from the edge straight to the origin: only GET and HEAD pass through Origin Shield.`,
    });
  }
  if (cdn.originGroup && !FAILS_OVER.includes(request.method)) {
    // CloudFront Developer Guide, "Optimize high availability with CloudFront origin failover".
    notices.push({ param: 'originGroup', message: `CloudFront fails over only GET, HEAD and OPTIONS: a ${request.method} always gets the primary origin's answer.` });
  }
  if (cdn.edgeLocations > 1 && scenario.mode === 'single') {
    notices.push({ param: 'edgeLocations', message: 'One request meets one edge location: edgeLocations spreads the visitors of a traffic run (mode=traffic).' });
  }

  // The rate-based rule is a rule of the web ACL (AWS WAF Developer Guide, "Using rate-based rule statements").
  if (scenario.waf.rateLimit > 0 && scenario.waf.mode === 'off') {
    notices.push({ param: 'rateLimit', message: 'The rate-based rule is part of the WAF’s web ACL: with the WAF off, nothing counts or limits requests.' });
  } else if (scenario.waf.ipRequests > 0 && scenario.waf.rateLimit === 0) {
    notices.push({ param: 'ipRequests', message: 'Only a rate-based rule counts an address’s requests: set rateLimit for ipRequests to matter.' });
  }
  return notices;
}
