/**
 * How each kind of setting is written in a share link and read back from one. The parameters themselves,
 * their bounds and choices come from the field table (fields.ts); nothing here names a setting.
 */
import { inTimeOrder, parseDecimal, type Moment } from './field-kinds';
import { formatNaclRule, formatRules, formatSgRule, parseNaclRules, parseSgRules } from './network-rules';
import { getAt, setAt, setChosen, type FieldEntry } from './paths';
import type { Scenario } from './schema';

export type LinkWrite = { ok: true; scenario: Scenario } | { ok: false; message: string };

function quoted(values: readonly string[]): string {
  return values.map((v) => `“${v}”`).join(', ');
}

/** The link's text for one setting of a scenario. */
export function readParam(entry: FieldEntry, scenario: Scenario): string {
  switch (entry.kind) {
    case 'int':
    case 'num':
      // A number within its entry's bounds and decimals is written plainly, never with an exponent.
      return String(getAt(scenario, entry.path));
    case 'schedule': {
      const moments: readonly Moment[] = getAt(scenario, entry.path);
      return moments.length ? inTimeOrder(moments).map(({ atS, action }) => `${atS}:${action}`).join(',') : 'none';
    }
    case 'securityGroup':
      return formatRules(getAt(scenario, entry.path), formatSgRule);
    case 'networkAcl':
      return formatRules(getAt(scenario, entry.path), formatNaclRule);
    case 'bool':
      return getAt(scenario, entry.path) ? 'yes' : 'no';
    case 'list': {
      const chosen: readonly string[] = getAt(scenario, entry.path);
      // Written in the table's order, so equal sets give equal links.
      return chosen.length ? entry.values.filter((v) => chosen.includes(v)).join(',') : 'none';
    }
    case 'enum':
    case 'text':
      return getAt(scenario, entry.path);
  }
}

/** Applies one parameter's text to a scenario, or says what was expected instead. */
export function writeParam(entry: FieldEntry, scenario: Scenario, raw: string): LinkWrite {
  const ok = (next: Scenario): LinkWrite => ({ ok: true, scenario: next });
  switch (entry.kind) {
    case 'int': {
      const value = parseDecimal(raw, 0);
      if (!(value >= entry.min && value <= entry.max)) return { ok: false, message: `expected a whole number from ${entry.min} to ${entry.max}` };
      return ok(setAt(scenario, entry.path, value));
    }
    case 'num': {
      const value = parseDecimal(raw, entry.decimals);
      if (!(value >= entry.min && value <= entry.max)) return { ok: false, message: `expected a number from ${entry.min} to ${entry.max} with at most ${entry.decimals} digits after the point` };
      return ok(setAt(scenario, entry.path, value));
    }
    case 'schedule': {
      if (raw === '' || raw === 'none') return ok(setAt(scenario, entry.path, []));
      const parts = raw.split(',');
      if (parts.length > entry.maxEntries) return { ok: false, message: `expected at most ${entry.maxEntries} moments` };
      const moments: Moment<(typeof entry.actions)[number]>[] = [];
      for (const [index, part] of parts.entries()) {
        const colon = part.indexOf(':');
        if (colon < 0) return { ok: false, message: 'expected “none” or comma-separated seconds:action moments, such as 10:db-slow,40:db-ok' };
        const atS = parseDecimal(part.slice(0, colon), entry.decimals);
        const action = entry.actions.find((a) => a === part.slice(colon + 1));
        if (!(atS <= entry.maxS)) return { ok: false, message: `moment ${index + 1} needs a time in seconds from 0 to ${entry.maxS}, with at most ${entry.decimals} digits after the point` };
        if (action === undefined) return { ok: false, message: `moment ${index + 1} needs one of the actions ${quoted(entry.actions)}` };
        moments.push({ atS, action });
      }
      return ok(setAt(scenario, entry.path, inTimeOrder(moments)));
    }
    case 'securityGroup': {
      const read = parseSgRules(raw);
      return read.ok ? ok(setAt(scenario, entry.path, read.rules)) : { ok: false, message: read.message };
    }
    case 'networkAcl': {
      const read = parseNaclRules(raw);
      return read.ok ? ok(setAt(scenario, entry.path, read.rules)) : { ok: false, message: read.message };
    }
    case 'enum': {
      const value = entry.values.find((v) => v === raw);
      return value === undefined ? { ok: false, message: `expected one of ${quoted(entry.values)}` } : ok(setAt(scenario, entry.path, value));
    }
    case 'bool':
      return raw === 'yes' || raw === 'no' ? ok(setAt(scenario, entry.path, raw === 'yes')) : { ok: false, message: `expected one of ${quoted(['yes', 'no'])}` };
    case 'text':
      return raw.length > entry.maxLength || (entry.singleLine && /[\r\n]/.test(raw)) || (entry.pattern && !entry.pattern.test(raw))
        ? { ok: false, message: `expected ${entry.expected}` }
        : ok(setAt(scenario, entry.path, raw));
    case 'list': {
      if (raw === 'none') return ok(setAt(scenario, entry.path, []));
      const parts = raw.split(',');
      if (!parts.every((p) => entry.values.some((v) => v === p))) return { ok: false, message: `expected “none” or a comma-separated list of ${quoted(entry.values)}` };
      return ok(setChosen(scenario, entry, (v) => parts.includes(v)));
    }
  }
}
