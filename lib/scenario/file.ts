/**
 * Scenario files (and the CLI): a JSON object with any subset of the scenario's fields. Missing fields
 * take the defaults — or a preset's values, when `"preset": "<id>"` is given. Unknown fields and invalid
 * values are errors that name the field, e.g. `db.behaviour: expected one of "ok", "slow", "down", "deadlock"`.
 */
import { DEFAULT_SCENARIO } from './defaults';
import { PRESETS, scenarioForPreset, TRAFFIC_PRESETS } from './presets';
import { z } from 'zod/mini';
import { en } from 'zod/locales';
import { scenarioSchema, type Scenario } from './schema';

// Files are read by the CLI and by authors, who deserve full messages; the browser bundle never imports this module.
z.config(en());

export type ParsedScenario = { ok: true; scenario: Scenario } | { ok: false; errors: string[] };

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Lays `input` over `base`, reporting keys `base` does not have. */
function overlay(base: unknown, input: unknown, path: string, errors: string[]): unknown {
  if (!isPlainObject(base) || !isPlainObject(input)) return input;
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(input)) {
    const at = path ? `${path}.${key}` : key;
    if (!(key in base)) {
      errors.push(`${at}: unknown field`);
      continue;
    }
    out[key] = overlay(base[key], value, at, errors);
  }
  return out;
}

export function parseScenarioJson(text: string): ParsedScenario {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { ok: false, errors: [`the file is not valid JSON (${error instanceof Error ? error.message : 'parse error'})`] };
  }
  if (!isPlainObject(data)) return { ok: false, errors: ['the scenario must be a JSON object'] };

  const { preset, ...fields } = data;
  let base = DEFAULT_SCENARIO;
  if (preset !== undefined) {
    const found = typeof preset === 'string' ? scenarioForPreset(preset) : undefined;
    if (!found) return { ok: false, errors: [`preset: expected one of ${[...PRESETS, ...TRAFFIC_PRESETS].map((p) => `"${p.id}"`).join(', ')}`] };
    base = found;
  }
  const errors: string[] = [];
  const merged = overlay(base, fields, '', errors);
  if (errors.length) return { ok: false, errors };
  const checked = scenarioSchema.safeParse(merged);
  if (!checked.success) {
    return { ok: false, errors: checked.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`) };
  }
  return { ok: true, scenario: checked.data };
}
