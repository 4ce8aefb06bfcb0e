/**
 * The share link: readable flat parameters, defaults left out, versioned.
 *
 * A share link is public API: links in the wild depend on these parameter names. Decoding never throws
 * and never evaluates anything: an unknown or invalid parameter becomes a notice naming it, and the rest
 * of the link still applies. Writing a link is url-encode.ts, which loads without the schema's validation.
 */
import { DEFAULT_SCENARIO } from './defaults';
import { writeParam } from './link-fields';
import { FIELD_ENTRIES, getAt, setAt } from './paths';
import { presetById } from './presets';
import { RULES } from './rules';
import { SCENARIO_VERSION, scenarioSchema } from './schema';
import { baseFor, type DecodedLink, type Notice, type ViewState } from './url-encode';

export { encodeLink, type DecodedLink, type Notice, type ViewState } from './url-encode';

const VIEW_PARAMS = ['t', 'sel', 'req'] as const;
const META_PARAMS = ['v', 'preset'] as const;
const KNOWN = new Set<string>([...FIELD_ENTRIES.flatMap((f) => [f.param, ...(f.aliases ?? [])]), ...VIEW_PARAMS, ...META_PARAMS]);
const PARAM_AT = new Map(FIELD_ENTRIES.map((f) => [f.path, f.param]));

/** A selection must look like an id; whether it exists in the run is checked where the run is known. */
const SELECTION_PATTERN = /^(?:[a-z0-9]{1,16}|link:[a-z0-9-]{1,40}|e\d{1,6})$/;
/** A traffic run numbers its requests `t1`, `t2`, … in arrival order (lib/traffic/arrivals.ts). */
const REQUEST_PATTERN = /^t\d{1,9}$/;

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

  const base = baseFor(preset);
  let scenario = base;
  for (const entry of FIELD_ENTRIES) {
    // A setting's own name wins over a former one; a link that gives both is told which was ignored.
    const [name, ...ignored] = [entry.param, ...(entry.aliases ?? [])].filter((n) => params.has(n));
    for (const other of ignored) notices.push({ param: other, message: `${other} is the old name of ${entry.param}, which the link gives too; ${other} was ignored.` });
    if (name === undefined) continue;
    const raw = params.get(name) ?? '';
    const result = writeParam(entry, scenario, raw);
    if (result.ok) scenario = result.scenario;
    else notices.push({ param: name, message: `“${truncate(raw)}” was ignored for ${name}: ${result.message}.` });
  }

  // Each setting is in range by now, so only a rule across fields can be broken. Rather than lose the whole
  // link over it, the settings the rule names go back to the starting point's values together.
  for (const rule of RULES) {
    if (rule.holds(scenario)) continue;
    notices.push({ param: PARAM_AT.get(rule.path) ?? rule.path, message: `${rule.message}; ${rule.afterReset}.` });
    for (const path of rule.resets) scenario = setAt(scenario, path, getAt(base, path));
  }

  const view: ViewState = { t: null, sel: null, req: null };
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
  const rawReq = params.get('req');
  if (rawReq !== null) {
    if (!REQUEST_PATTERN.test(rawReq)) notices.push({ param: 'req', message: `“${truncate(rawReq)}” was ignored for req: expected a request of a traffic run, such as t120.` });
    else if (scenario.mode !== 'traffic') notices.push({ param: 'req', message: `req=${rawReq} names a request of a traffic run, and this link is not one (mode=traffic); it was ignored.` });
    else view.req = rawReq;
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
