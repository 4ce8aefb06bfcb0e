/**
 * The engine's vocabulary: what a run produces. Everything here is plain data (JSON-serialisable),
 * so the same scenario gives byte-identical JSON.
 */

export const NODE_IDS = [
  'browser',
  'dns',
  'shield',
  'waf',
  'edge',
  's3',
  'alb',
  'web',
  'app',
  'db',
  'thirdparty',
] as const;
export type NodeId = (typeof NODE_IDS)[number];

/** Each node's position in NODE_IDS: tables kept per pair of nodes are indexed by it, with no key to build. */
export const NODE_INDEX: Readonly<Record<NodeId, number>> = Object.fromEntries(NODE_IDS.map((id, index) => [id, index])) as Record<NodeId, number>;

/** Transport and application protocols a leg can carry. */
export type Protocol = 'UDP' | 'TCP' | 'TLS' | 'HTTP' | 'HTTPS' | 'inline';

export type EventKind =
  // name resolution
  | 'dns-query'
  | 'dns-answer'
  // connection set-up
  | 'tcp-syn'
  | 'tcp-syn-ack'
  | 'tcp-ack'
  | 'tcp-rst'
  | 'tls-client-hello'
  | 'tls-server-hello'
  | 'tls-client-finished'
  | 'tls-server-finished'
  | 'db-auth'
  | 'db-auth-ok'
  | 'conn-reuse'
  // the request and response legs
  | 'request'
  | 'response'
  // decisions taken at a node
  | 'shield-pass'
  | 'shield-drop'
  | 'packet-denied'
  | 'waf-inspect'
  | 'waf-allow'
  | 'waf-block'
  | 'waf-count'
  | 'cache-hit'
  | 'cache-miss'
  | 'cache-stale'
  | 'cache-revalidated'
  | 'cache-bypass'
  | 'cache-store'
  | 'cache-error-hit'
  | 'route'
  | 'pool-acquire'
  | 'pool-wait'
  | 'queue-wait'
  | 'condition'
  | 'db-query'
  | 'db-result'
  | 'db-error'
  | 'deadlock'
  | 'third-party-call'
  | 'timeout'
  | 'retry-wait'
  | 'retry'
  | 'give-up'
  | 'handler'
  | 'orphaned'
  | 'lock-wait'
  | 'replay'
  | 'commit'
  | 'rollback'
  | 'render'
  | 'done'
  // resilience patterns on a calling edge (lib/sim/resilience)
  | 'breaker'
  | 'breaker-reject'
  | 'bulkhead-reject'
  | 'fallback'
  // CloudFront at scale (lib/sim/edge): the hop to Origin Shield and back, a failover to the secondary origin,
  // and an edge function's run at its trigger point
  | 'origin-shield-request'
  | 'origin-shield-response'
  | 'origin-failover'
  | 'edge-function';

/** How a leg is drawn: requests, responses and handshake segments look different. */
export type LegKind = 'request' | 'response' | 'handshake' | 'dns' | 'error';

export interface SimEvent {
  /** Position in `events`; also the stable id used by `sel=e<id>` in links. */
  id: number;
  /** Simulated milliseconds since the learner pressed Enter. */
  t: number;
  /** How long the event lasts: a leg's one-way latency, or a node's processing time. 0 for instants. */
  durationMs: number;
  kind: EventKind;
  /** `r1` is the page's request; `r1.a1` the first static asset it names. */
  requestId: string;
  /** 1 for the first try; counts the attempts of whichever layer emitted the event. */
  attempt: number;
  from: NodeId;
  to: NodeId;
  /** For legs whose line on the diagram passes through other nodes (browser → shield → edge). */
  via?: NodeId[];
  /** Present on legs: how the packet looks on the diagram. */
  leg?: LegKind;
  protocol: Protocol;
  port: number | null;
  status?: number;
  headers?: Record<string, string>;
  /** The decision in the node's own words, e.g. `WAF rule SQLi_QUERYARGUMENTS → BLOCK 403`. */
  decision?: string;
  /** One sentence in plain language. */
  narration: string;
  /** Present on retry waits. */
  waitMs?: number;
  /** Extra facts for the inspector. */
  detail?: Record<string, string | number | boolean>;
}

export type CacheOutcome = 'hit' | 'miss' | 'stale' | 'revalidated' | 'bypass' | 'error';

export interface RequestOutcome {
  /** The HTTP status the browser finally received, or null if it never got an answer. */
  status: number | null;
  /** From the first DNS query to the last byte of the final response. */
  latencyMs: number;
  /** Attempts the browser made (retries included). */
  attempts: number;
  cache: CacheOutcome;
  /** The node that stopped the request, when a security layer did (the WAF). */
  blockedBy: NodeId | null;
  /** The node whose answer the browser finally got: the edge for a cache hit, the WAF for a block, the app… */
  answeredBy: NodeId | null;
  /** Every node the request touched, in the order it first reached them. */
  hops: NodeId[];
  /** When the browser had drawn the page and its static assets; null when nothing rendered. */
  renderedAtMs: number | null;
  /**
   * Write transactions the database committed for this one click, duplicates included, counting the work
   * that finished after its caller stopped waiting.
   */
  writesCommitted: number;
  /** Commits that repeated a change already made (a second order row, a second increment). */
  duplicateWrites: number;
  /** Charges the payments API made for this click. */
  chargesMade: number;
  /** Charges beyond the first: the customer paid more than once. */
  duplicateCharges: number;
  /** When the last piece of work ended, answered or not: after `latencyMs` when work went on unread. */
  workEndedAtMs: number;
}

export interface LatencyPercentiles {
  p50: number;
  p95: number;
  p99: number;
}

export interface SimSummary {
  events: number;
  requests: number;
  errors: number;
  errorRate: number;
  latency: LatencyPercentiles;
  cacheHitRatio: number;
  originRequests: number;
  dbQueries: number;
  thirdPartyCalls: number;
  retries: number;
  /** The simulated time of the last event's end. */
  durationMs: number;
}

export interface SimResult {
  /** The scenario version the result was computed for. */
  version: number;
  events: SimEvent[];
  outcome: RequestOutcome;
  summary: SimSummary;
}
