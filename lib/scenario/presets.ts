/**
 * Named scenarios used by lessons, tests and the sandbox's preset menu. Each sets causes only;
 * what happens is the engine's business.
 */
import { DEFAULT_SCENARIO } from './defaults';
import type { Scenario } from './schema';

type DeepPartial<T> = { [K in keyof T]?: T[K] extends readonly unknown[] ? T[K] : T[K] extends object ? DeepPartial<T[K]> : T[K] };

export interface Preset {
  id: string;
  title: string;
  /** What to look for, in one sentence. */
  description: string;
  changes: DeepPartial<Scenario>;
}

function merge<T>(base: T, changes: DeepPartial<T>): T {
  const out = { ...base } as Record<string, unknown>;
  for (const [key, value] of Object.entries(changes as Record<string, unknown>)) {
    const current = out[key];
    out[key] =
      value && typeof value === 'object' && !Array.isArray(value) && current && typeof current === 'object'
        ? merge(current, value as DeepPartial<typeof current>)
        : value;
  }
  return out as T;
}

export function applyChanges(base: Scenario, changes: DeepPartial<Scenario>): Scenario {
  return merge(base, changes);
}

export const PRESETS: readonly Preset[] = [
  { id: 'api-get', title: 'A healthy API call', description: 'A new visitor loads their profile: every hop, nothing cached yet.', changes: {} },
  { id: 'cache-hit', title: 'Fresh copy at the edge', description: 'The edge already holds a fresh copy: the origin never hears of the request.', changes: { cache: { state: 'fresh' } } },
  { id: 'stale-revalidate', title: 'Stale copy, revalidated', description: 'The copy expired; the edge asks the origin whether it changed and gets 304.', changes: { cache: { state: 'stale' } } },
  { id: 'stale-changed', title: 'Stale copy, changed at the origin', description: 'The copy expired and the data changed: the edge fetches the new version.', changes: { cache: { state: 'stale', changed: true } } },
  { id: 'sqli-blocked', title: 'SQL injection at the WAF', description: "The query string carries ' OR 1=1--; the WAF's SQLi rule blocks it with 403.", changes: { request: { payload: 'sqli' } } },
  { id: 'sqli-waf-off', title: 'SQL injection, WAF off', description: 'With the WAF off the payload reaches the app, where a bound parameter keeps it harmless.', changes: { request: { payload: 'sqli' }, waf: { mode: 'off' } } },
  { id: 'xss-blocked', title: 'Cross-site scripting at the WAF', description: 'A <script> payload matches the common rule set and is blocked.', changes: { request: { payload: 'xss' } } },
  { id: 'db-timeout', title: 'Slow database, retries with jitter', description: 'The database takes 4 s; the app times out at 2 s and retries with full jitter.', changes: { db: { behaviour: 'slow' } } },
  { id: 'db-down', title: 'Database down', description: 'Nothing answers on the database port; timeouts, retries, then a 503.', changes: { db: { behaviour: 'down' }, cache: { state: 'off' } } },
  {
    id: 'deadlock',
    title: 'A deadlock, retried',
    description: 'A write transaction deadlocks; PostgreSQL rolls it back and the app retries the whole transaction.',
    changes: { request: { method: 'POST' }, db: { behaviour: 'deadlock' } },
  },
  { id: 'third-party-down', title: 'Payments API down', description: 'The payments host refuses connections: the app retries, then answers 502.', changes: { thirdParty: { behaviour: 'down' }, cache: { state: 'off' } } },
  { id: 'cold-tls12', title: 'Cold connections, TLS 1.2', description: 'Every connection must be opened: count the round trips TLS 1.2 adds.', changes: { tls: '1.2', connections: 'cold' } },
  { id: 'post-no-retry', title: 'A POST is not retried', description: 'A write without an Idempotency-Key is not retried after a timeout.', changes: { request: { method: 'POST' }, db: { behaviour: 'slow' } } },
  { id: 'static-asset', title: 'A static file from S3', description: 'The browser asks for /static/app.js: the edge fetches it from S3 on a miss.', changes: { request: { kind: 'static' } } },
  // The classic network-rule mistakes (lib/scenario/network-rules.ts). A security group keeps the connections it
  // already tracks when its rules change, so those two open their connections afresh (conn=cold) to meet the rule.
  {
    id: 'nacl-no-ephemeral',
    title: 'NACL without ephemeral ports',
    description: "The data subnets' network ACL lets queries in on the database's port, but lets out only that port too: every result to the app's ephemeral port is dropped, and the app times out.",
    changes: {
      network: {
        naclData: [
          { dir: 'in', number: 100, action: 'allow', protocol: 'tcp', ports: 'db', cidr: '10.0.21.0/24' },
          { dir: 'in', number: 110, action: 'allow', protocol: 'tcp', ports: 'db', cidr: '10.0.22.0/24' },
          { dir: 'out', number: 100, action: 'allow', protocol: 'tcp', ports: 'db', cidr: '10.0.21.0/24' },
          { dir: 'out', number: 110, action: 'allow', protocol: 'tcp', ports: 'db', cidr: '10.0.22.0/24' },
        ],
      },
    },
  },
  {
    id: 'sg-db-wrong-group',
    title: 'sg-db allows the wrong group',
    description: "sg-db lets in sg-web, Nginx's group, instead of the app's: each new connection's SYN is dropped at the database, and the app's timeout ends every try.",
    changes: {
      connections: 'cold',
      network: { sgDb: [{ dir: 'in', protocol: 'tcp', ports: 'db', peer: 'sg-web' }, { dir: 'out', protocol: 'all', peer: '0.0.0.0/0' }] },
    },
  },
  {
    id: 'alb-sg-no-443',
    title: 'ALB security group without 443',
    description: "sg-alb opens port 80 to CloudFront but not 443, where the origin is reached: CloudFront's SYNs are dropped, and each connection attempt runs out its 10 s.",
    changes: {
      connections: 'cold',
      network: { sgAlb: [{ dir: 'in', protocol: 'tcp', ports: '80', peer: 'com.amazonaws.global.cloudfront.origin-facing' }, { dir: 'out', protocol: 'all', peer: '0.0.0.0/0' }] },
    },
  },
];

/**
 * Runs of many requests by name (traffic, and the backoff study), reachable by link (`preset=retry-storm`) and by
 * file like any preset. They are kept apart from PRESETS, which the sandbox's preset menu and the reference traces
 * go through: both are about one request, and these stories only happen with many. Each timeline sets causes; the run works out the rest.
 */
export const TRAFFIC_PRESETS: readonly Preset[] = [
  {
    // The traffic sandbox's starting point: the default conditions, many times over.
    id: 'traffic',
    title: 'A steady load',
    description: 'Visitors arrive at random at a steady rate and nothing goes wrong. Turn up the rate, or put a fault on the timeline.',
    changes: { mode: 'traffic' },
  },
  {
    // AWS Architecture Blog, "Exponential Backoff And Jitter" (Marc Brooker, 2015): base 5 ms, cap 2 s, as its simulator sets them.
    id: 'backoff-study',
    title: 'The backoff study: 100 clients, one row',
    description: 'Each client writes one row under optimistic concurrency, backing off until it succeeds; set backoff and jitter to compare calls and time.',
    changes: { mode: 'backoff-study', backoffStudy: { clients: 100 }, retry: { baseMs: 5, capMs: 2000 } },
  },
  {
    id: 'retry-storm',
    title: 'A retry storm',
    description:
      'The database turns slow at 20 s: the browser’s three tries times the app’s three make nine queries a visit, and the pools drown until it recovers at 50 s. Add retryQuota=on to cap the app’s retries.',
    changes: {
      mode: 'traffic',
      request: { kind: 'api' },
      // Every visit reaches the app, so the multiplication is the retries' alone.
      cache: { state: 'off' },
      traffic: { rate: 50, durationS: 90, timeline: [{ atS: 20, action: 'db-slow' }, { atS: 50, action: 'db-ok' }] },
    },
  },
  {
    id: 'payments-breaker',
    title: 'A payments outage stopped by a breaker',
    description:
      'The payments API goes down at 20 s and is back at 80 s. Each pod’s opossum breaker opens, lets one trial call through every 30 s, and the app serves the last good subscription meanwhile: no errors, and almost no calls to the dead API.',
    changes: {
      mode: 'traffic',
      request: { kind: 'api' },
      resilience: { breaker: 'opossum', breakerAt: ['thirdparty'], fallback: 'stale', fallbackAt: ['thirdparty'] },
      traffic: { rate: 50, durationS: 100, timeline: [{ atS: 20, action: 'payments-down' }, { atS: 80, action: 'payments-ok' }] },
    },
  },
  {
    id: 'thundering-herd',
    title: 'A thundering herd after an invalidation',
    description:
      'Every product page is invalidated at 30 s; 5 s later four edge locations miss them all at once, and the origin’s one pod takes the burst: watch originRps and p99 in the series. Try originShield=yes.',
    changes: {
      mode: 'traffic',
      cache: { cacheControl: 'public, max-age=3600' },
      latency: { appWorkMs: 6 },
      app: { pods: 1 },
      traffic: { rate: 500, durationS: 60, warmupS: 10, objects: 2000, zipf: 1, invalidationDelayS: 5, timeline: [{ atS: 30, action: 'invalidate' }] },
      cdn: { edgeLocations: 4, invalidationPaths: '/api/products/*' },
    },
  },
  {
    id: 'stale-if-error',
    title: 'stale-if-error saving the day',
    description:
      'The app answers 500 from 30 s to 50 s; the origin allows stale copies for 10 minutes after an error, so the edge keeps answering from its expired copies. Try cacheControl=public, max-age=5, must-revalidate.',
    changes: {
      mode: 'traffic',
      cache: { cacheControl: 'public, max-age=5, stale-if-error=600' },
      traffic: {
        rate: 100,
        durationS: 70,
        warmupS: 10,
        objects: 200,
        zipf: 1,
        timeline: [
          { atS: 30, action: 'origin-5xx' },
          { atS: 50, action: 'origin-ok' },
        ],
      },
    },
  },
  {
    id: 'db-failover',
    title: 'A database failover',
    description: 'At 30 s the primary fails and RDS fails over to its standby: watch the errors and the pool until each pod reaches the new primary (summary.dbFailovers says when).',
    changes: { mode: 'traffic', traffic: { durationS: 240, timeline: [{ atS: 30, action: 'db-failover' }] } },
  },
  {
    id: 'bot-flood-rate-rule',
    title: 'A bot flood against a rate rule',
    description: 'From 30 s to 100 s five bot addresses flood the API past the cache; a rate-based rule of 300 requests a minute per address stops them once it next checks. Set rateLimit=0 to see the flood without it.',
    changes: {
      mode: 'traffic',
      waf: { rateLimit: 300, rateWindowS: 60 },
      traffic: { durationS: 150, botRate: 800, timeline: [{ atS: 30, action: 'bot-flood' }, { atS: 100, action: 'bot-flood-stop' }] },
    },
  },
];

export function presetById(id: string): Preset | undefined {
  return PRESETS.find((p) => p.id === id) ?? TRAFFIC_PRESETS.find((p) => p.id === id);
}

export function scenarioForPreset(id: string): Scenario | undefined {
  const preset = presetById(id);
  return preset ? applyChanges(DEFAULT_SCENARIO, preset.changes) : undefined;
}
