/**
 * The share link: readable flat parameters, defaults left out, versioned.
 *
 * A share link is public API: links in the wild depend on these parameter names. Decoding never throws
 * and never evaluates anything: an unknown or invalid parameter becomes a notice naming it, and the rest
 * of the link still applies.
 */
import { DEFAULT_SCENARIO } from './defaults';
import { LATENCY_KNOBS } from './latency-knobs';
import { presetById, scenarioForPreset } from './presets';
import {
  BACKOFFS,
  CACHE_STATES,
  CONNECTION_STATES,
  DB_BEHAVIOURS,
  DB_ENGINES,
  JITTERS,
  MAX_PAYLOAD_LENGTH,
  METHODS,
  REQUEST_KINDS,
  RETRY_LAYERS,
  SCENARIO_VERSION,
  scenarioSchema,
  THIRD_PARTY_BEHAVIOURS,
  TLS_VERSIONS,
  WAF_MODES,
  type RetryLayer,
  type Scenario,
} from './schema';

export interface Notice {
  /** The parameter the notice is about. */
  param: string;
  message: string;
}

export interface ViewState {
  /** Playback position in simulated ms. */
  t: number | null;
  /** A node id, a link id (`link:app-db`) or an event (`e12`). */
  sel: string | null;
}

export interface DecodedLink {
  scenario: Scenario;
  preset: string | null;
  view: ViewState;
  notices: Notice[];
}

type Result = { ok: true; scenario: Scenario } | { ok: false; message: string };

interface Field {
  param: string;
  read: (s: Scenario) => string;
  write: (s: Scenario, raw: string) => Result;
}

function describe(values: readonly string[]): string {
  return values.map((v) => `“${v}”`).join(', ');
}

function enumField<T extends string>(param: string, values: readonly T[], read: (s: Scenario) => T, set: (s: Scenario, v: T) => Scenario): Field {
  return {
    param,
    read,
    write: (s, raw) =>
      (values as readonly string[]).includes(raw) ? { ok: true, scenario: set(s, raw as T) } : { ok: false, message: `expected one of ${describe(values)}` },
  };
}

function intField(param: string, min: number, max: number, read: (s: Scenario) => number, set: (s: Scenario, v: number) => Scenario): Field {
  return {
    param,
    read: (s) => String(read(s)),
    write: (s, raw) => {
      if (!/^\d{1,10}$/.test(raw)) return { ok: false, message: `expected a whole number from ${min} to ${max}` };
      const value = Number(raw);
      if (value < min || value > max) return { ok: false, message: `expected a whole number from ${min} to ${max}` };
      return { ok: true, scenario: set(s, value) };
    },
  };
}

function yesNoField(param: string, read: (s: Scenario) => boolean, set: (s: Scenario, v: boolean) => Scenario): Field {
  return enumField(param, ['yes', 'no'] as const, (s) => (read(s) ? 'yes' : 'no'), (s, v) => set(s, v === 'yes'));
}

/** Every parameter the link understands, in the order it is written. */
export const FIELDS: readonly Field[] = [
  enumField('kind', REQUEST_KINDS, (s) => s.request.kind, (s, kind) => ({ ...s, request: { ...s.request, kind } })),
  enumField('method', METHODS, (s) => s.request.method, (s, method) => ({ ...s, request: { ...s.request, method } })),
  {
    param: 'payload',
    read: (s) => s.request.payload,
    write: (s, raw) =>
      raw.length > MAX_PAYLOAD_LENGTH
        ? { ok: false, message: `longer than ${MAX_PAYLOAD_LENGTH / 1024} KB` }
        : { ok: true, scenario: { ...s, request: { ...s.request, payload: raw } } },
  },
  yesNoField('idem', (s) => s.request.idempotencyKey, (s, idempotencyKey) => ({ ...s, request: { ...s.request, idempotencyKey } })),
  enumField('waf', WAF_MODES, (s) => s.waf.mode, (s, mode) => ({ ...s, waf: { mode } })),
  enumField('cache', CACHE_STATES, (s) => s.cache.state, (s, state) => ({ ...s, cache: { ...s.cache, state } })),
  {
    param: 'cacheControl',
    read: (s) => s.cache.cacheControl,
    write: (s, raw) =>
      raw.length > 512 || /[\r\n]/.test(raw)
        ? { ok: false, message: 'expected one header value of at most 512 characters' }
        : { ok: true, scenario: { ...s, cache: { ...s.cache, cacheControl: raw } } },
  },
  yesNoField('changed', (s) => s.cache.changed, (s, changed) => ({ ...s, cache: { ...s.cache, changed } })),
  intField('minTtl', 0, 31_536_000, (s) => s.cache.minTtl, (s, minTtl) => ({ ...s, cache: { ...s.cache, minTtl } })),
  intField('defaultTtl', 0, 31_536_000, (s) => s.cache.defaultTtl, (s, defaultTtl) => ({ ...s, cache: { ...s.cache, defaultTtl } })),
  intField('maxTtl', 0, 31_536_000, (s) => s.cache.maxTtl, (s, maxTtl) => ({ ...s, cache: { ...s.cache, maxTtl } })),
  enumField('db', DB_BEHAVIOURS, (s) => s.db.behaviour, (s, behaviour) => ({ ...s, db: { ...s.db, behaviour } })),
  enumField('dbms', DB_ENGINES, (s) => s.db.engine, (s, engine) => ({ ...s, db: { ...s.db, engine } })),
  intField('dbDelay', 0, 3_600_000, (s) => s.db.delayMs, (s, delayMs) => ({ ...s, db: { ...s.db, delayMs } })),
  enumField('thirdParty', THIRD_PARTY_BEHAVIOURS, (s) => s.thirdParty.behaviour, (s, behaviour) => ({ ...s, thirdParty: { ...s.thirdParty, behaviour } })),
  intField('tpDelay', 0, 3_600_000, (s) => s.thirdParty.delayMs, (s, delayMs) => ({ ...s, thirdParty: { ...s.thirdParty, delayMs } })),
  intField('timeout', 0, 3_600_000, (s) => s.timeoutMs, (s, timeoutMs) => ({ ...s, timeoutMs })),
  intField('attempts', 1, 10, (s) => s.retry.attempts, (s, attempts) => ({ ...s, retry: { ...s.retry, attempts } })),
  enumField('backoff', BACKOFFS, (s) => s.retry.backoff, (s, backoff) => ({ ...s, retry: { ...s.retry, backoff } })),
  enumField('jitter', JITTERS, (s) => s.retry.jitter, (s, jitter) => ({ ...s, retry: { ...s.retry, jitter } })),
  intField('base', 0, 60_000, (s) => s.retry.baseMs, (s, baseMs) => ({ ...s, retry: { ...s.retry, baseMs } })),
  intField('cap', 0, 600_000, (s) => s.retry.capMs, (s, capMs) => ({ ...s, retry: { ...s.retry, capMs } })),
  {
    param: 'retryAt',
    read: (s) => (s.retry.layers.length ? RETRY_LAYERS.filter((l) => s.retry.layers.includes(l)).join(',') : 'none'),
    write: (s, raw) => {
      if (raw === 'none') return { ok: true, scenario: { ...s, retry: { ...s.retry, layers: [] } } };
      const parts = raw.split(',');
      if (!parts.every((p) => (RETRY_LAYERS as readonly string[]).includes(p))) {
        return { ok: false, message: `expected “none” or a comma-separated list of ${describe(RETRY_LAYERS)}` };
      }
      const layers = RETRY_LAYERS.filter((l) => parts.includes(l)) as RetryLayer[];
      return { ok: true, scenario: { ...s, retry: { ...s.retry, layers } } };
    },
  },
  enumField('tls', TLS_VERSIONS, (s) => s.tls, (s, tls) => ({ ...s, tls })),
  enumField('conn', CONNECTION_STATES, (s) => s.connections, (s, connections) => ({ ...s, connections })),
  intField('seed', 0, 2 ** 32 - 1, (s) => s.seed, (s, seed) => ({ ...s, seed })),
  // The assumed latencies: teaching defaults, so they are knobs.
  ...LATENCY_KNOBS.map(({ param, key, min, max }) => intField(param, min, max, (s) => s.latency[key], (s, value) => ({ ...s, latency: { ...s.latency, [key]: value } }))),
];

const VIEW_PARAMS = ['t', 'sel'] as const;
const META_PARAMS = ['v', 'preset'] as const;
const KNOWN = new Set<string>([...FIELDS.map((f) => f.param), ...VIEW_PARAMS, ...META_PARAMS]);

/** A selection must look like an id; whether it exists in the run is checked where the run is known. */
const SELECTION_PATTERN = /^(?:[a-z0-9]{1,16}|link:[a-z0-9-]{1,40}|e\d{1,6})$/;

/** Older link versions are migrated forward here, one step at a time. Version 1 is the first. */
const MIGRATIONS: Readonly<Record<number, (params: URLSearchParams) => URLSearchParams>> = {};

function migrate(params: URLSearchParams, from: number): URLSearchParams {
  let current = params;
  for (let v = from; v < SCENARIO_VERSION; v++) {
    const step = MIGRATIONS[v];
    if (step) current = step(current);
  }
  return current;
}

function baseFor(preset: string | null): Scenario {
  return (preset && scenarioForPreset(preset)) || DEFAULT_SCENARIO;
}

/** The query string for a scenario and view, defaults left out. Parameter order is fixed, so equal scenarios give equal links. */
export function encodeLink(scenario: Scenario, view: ViewState = { t: null, sel: null }, preset: string | null = null): string {
  const params = new URLSearchParams();
  const validPreset = preset && presetById(preset) ? preset : null;
  if (validPreset) params.set('preset', validPreset);
  const base = baseFor(validPreset);
  for (const field of FIELDS) {
    const value = field.read(scenario);
    if (value !== field.read(base)) params.set(field.param, value);
  }
  if (view.t !== null && view.t > 0) params.set('t', String(Math.round(view.t * 1000) / 1000));
  if (view.sel) params.set('sel', view.sel);
  if ([...params.keys()].length > 0) params.set('v', String(SCENARIO_VERSION));
  return params.toString();
}

/** Reads a link's query string (with or without `?`, or a whole URL). Never throws. */
export function decodeLink(input: string): DecodedLink {
  const notices: Notice[] = [];
  let params: URLSearchParams;
  try {
    const query = input.includes('?') ? input.slice(input.indexOf('?') + 1) : input;
    params = new URLSearchParams(query.split('#')[0] ?? '');
  } catch {
    return { scenario: DEFAULT_SCENARIO, preset: null, view: { t: null, sel: null }, notices: [{ param: 'link', message: 'The link could not be read, so the default scenario is shown.' }] };
  }

  const rawVersion = params.get('v');
  if (rawVersion !== null) {
    const version = /^\d{1,4}$/.test(rawVersion) ? Number(rawVersion) : NaN;
    if (!Number.isInteger(version) || version < 1) {
      notices.push({ param: 'v', message: `“${truncate(rawVersion)}” is not a link version; the link is read as version ${SCENARIO_VERSION}.` });
    } else if (version > SCENARIO_VERSION) {
      notices.push({ param: 'v', message: `This link was made by a newer Roundtrip (version ${version}); settings this version does not know are ignored.` });
    } else if (version < SCENARIO_VERSION) {
      params = migrate(params, version);
    }
  }

  const rawPreset = params.get('preset');
  let preset: string | null = null;
  if (rawPreset !== null) {
    if (presetById(rawPreset)) preset = rawPreset;
    else notices.push({ param: 'preset', message: `There is no preset “${truncate(rawPreset)}”; the default scenario is the starting point.` });
  }

  let scenario = baseFor(preset);
  for (const field of FIELDS) {
    const raw = params.get(field.param);
    if (raw === null) continue;
    const result = field.write(scenario, raw);
    if (result.ok) scenario = result.scenario;
    else notices.push({ param: field.param, message: `“${truncate(raw)}” was ignored for ${field.param}: ${result.message}.` });
  }

  const { minTtl, defaultTtl, maxTtl } = scenario.cache;
  if (!(minTtl <= defaultTtl && defaultTtl <= maxTtl)) {
    const base = baseFor(preset).cache;
    notices.push({ param: 'minTtl', message: 'CloudFront needs MinTTL ≤ DefaultTTL ≤ MaxTTL; the TTLs were reset to their defaults.' });
    scenario = { ...scenario, cache: { ...scenario.cache, minTtl: base.minTtl, defaultTtl: base.defaultTtl, maxTtl: base.maxTtl } };
  }

  const view: ViewState = { t: null, sel: null };
  const rawT = params.get('t');
  if (rawT !== null) {
    if (/^\d{1,9}(\.\d{1,3})?$/.test(rawT)) view.t = Number(rawT);
    else notices.push({ param: 't', message: `“${truncate(rawT)}” was ignored for t: expected a time in milliseconds.` });
  }
  const rawSel = params.get('sel');
  if (rawSel !== null) {
    if (SELECTION_PATTERN.test(rawSel)) view.sel = rawSel;
    else notices.push({ param: 'sel', message: `“${truncate(rawSel)}” was ignored for sel: expected a node, a link or an event.` });
  }

  for (const key of new Set(params.keys())) {
    if (!KNOWN.has(key)) notices.push({ param: key, message: `The link has an unknown setting “${truncate(key)}”; it was ignored.` });
  }

  // The final boundary check: whatever the fields did, what leaves here is a valid scenario.
  const checked = scenarioSchema.safeParse(scenario);
  if (!checked.success) {
    notices.push({ param: 'link', message: 'The link described an impossible scenario, so the default scenario is shown.' });
    return { scenario: DEFAULT_SCENARIO, preset: null, view, notices };
  }
  return { scenario: checked.data, preset, view, notices };
}

function truncate(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
