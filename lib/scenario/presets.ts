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
  // Traffic runs (mode=traffic): what to look for is in the summary and the series.
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
  return PRESETS.find((p) => p.id === id);
}

export function scenarioForPreset(id: string): Scenario | undefined {
  const preset = presetById(id);
  return preset ? applyChanges(DEFAULT_SCENARIO, preset.changes) : undefined;
}
