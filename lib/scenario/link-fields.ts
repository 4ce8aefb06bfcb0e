/**
 * How each kind of setting is written in a share link and read back from one. The parameters themselves,
 * their bounds and choices come from the field table (fields.ts); nothing here names a setting.
 */
import { getAt, setAt, type FieldEntry } from './paths';
import type { Scenario } from './schema';

export type LinkWrite = { ok: true; scenario: Scenario } | { ok: false; message: string };

function quoted(values: readonly string[]): string {
  return values.map((v) => `“${v}”`).join(', ');
}

/** The link's text for one setting of a scenario. */
export function readParam(entry: FieldEntry, scenario: Scenario): string {
  switch (entry.kind) {
    case 'int':
      return String(getAt(scenario, entry.path));
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
      const value = /^\d{1,10}$/.test(raw) ? Number(raw) : NaN;
      if (!(value >= entry.min && value <= entry.max)) return { ok: false, message: `expected a whole number from ${entry.min} to ${entry.max}` };
      return ok(setAt(scenario, entry.path, value));
    }
    case 'enum': {
      const value = entry.values.find((v) => v === raw);
      return value === undefined ? { ok: false, message: `expected one of ${quoted(entry.values)}` } : ok(setAt(scenario, entry.path, value));
    }
    case 'bool':
      return raw === 'yes' || raw === 'no' ? ok(setAt(scenario, entry.path, raw === 'yes')) : { ok: false, message: `expected one of ${quoted(['yes', 'no'])}` };
    case 'text':
      return raw.length > entry.maxLength || (entry.singleLine && /[\r\n]/.test(raw)) ? { ok: false, message: `expected ${entry.expected}` } : ok(setAt(scenario, entry.path, raw));
    case 'list': {
      if (raw === 'none') return ok(setAt(scenario, entry.path, []));
      const parts = raw.split(',');
      if (!parts.every((p) => entry.values.some((v) => v === p))) return { ok: false, message: `expected “none” or a comma-separated list of ${quoted(entry.values)}` };
      return ok(setAt(scenario, entry.path, entry.values.filter((v) => parts.includes(v))));
    }
  }
}
