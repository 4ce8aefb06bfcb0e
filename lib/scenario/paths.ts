/**
 * Paths into a scenario (`seed`, `cache.minTtl`), typed: reading or writing through a path gives or takes
 * exactly the value the schema allows there. The field table is checked against them here, at compile time.
 */
import type { BoolField, EnumField, IntField, ListField, NetworkAclField, NumField, ScheduleField, SecurityGroupField, TextField } from './field-kinds';
import type { NaclRuleSet, SgRuleSet } from './network-rules';
import { FIELDS } from './fields';
import type { Scenario } from './schema';

type Setting = Exclude<keyof Scenario, 'v'>;
type Leaf = string | number | boolean | readonly unknown[];

/** Every setting of a scenario as a dotted path. `v` is the format's version, not a setting. */
export type ScenarioPath = { [K in Setting]: Scenario[K] extends Leaf ? K : `${K}.${keyof Scenario[K] & string}` }[Setting];

/** The value at a path. */
export type ValueAt<P extends ScenarioPath> = P extends `${infer A extends Setting}.${infer B}`
  ? B extends keyof Scenario[A]
    ? Scenario[A][B]
    : never
  : P extends Setting
    ? Scenario[P]
    : never;

/**
 * The kind of entry a value needs. Tuples keep unions (the enum values, true | false) from being split.
 * A number takes a whole-number or a decimal entry; which one it is, schema.ts holds to: its validators for
 * the two take only their own kind of entry, so an int entry where the schema reads a decimal fails there.
 */
type EntryFor<V> = [V] extends [boolean]
  ? BoolField
  : [V] extends [number]
    ? IntField | NumField
    : [V] extends [SgRuleSet]
      ? SecurityGroupField
      : [V] extends [NaclRuleSet]
        ? NetworkAclField
    : [V] extends [readonly { atS: number; action: infer A extends string }[]]
      ? ScheduleField<A>
      : [V] extends [readonly (infer E extends string)[]]
        ? ListField<E>
        : string extends V
          ? TextField
          : [V] extends [string]
            ? EnumField<V>
            : never;

/** One entry per path, of the kind its value needs, with exactly the schema's choices. */
export type FieldTable = { readonly [P in ScenarioPath]: EntryFor<ValueAt<P>> };

// The compile-time check: a path without an entry, an entry of the wrong kind, or choices that differ from
// the schema's fail here; so does an entry for a path the scenario does not have.
const complete: FieldTable = FIELDS;
const noStrays: Record<Exclude<keyof typeof FIELDS, ScenarioPath>, never> = {};
void complete;
void noStrays;

/** An entry together with its path; narrowing on `kind` narrows `path` to the paths of that kind. */
export type FieldEntry = { [P in ScenarioPath]: (typeof FIELDS)[P] & { path: P } }[ScenarioPath];

/** Every entry in table order, which is the order the link writes them. */
// Object.entries forgets which key holds which entry; the table's type, checked above, pairs them.
export const FIELD_ENTRIES: readonly FieldEntry[] = Object.entries(FIELDS).map(([path, field]) => ({ ...field, path }) as FieldEntry);

export function getAt<P extends ScenarioPath>(scenario: Scenario, path: P): ValueAt<P> {
  const [head, tail] = path.split('.') as [Setting, string?];
  const value: unknown = scenario[head];
  return (tail === undefined ? value : (value as Record<string, unknown>)[tail]) as ValueAt<P>;
}

/** A new scenario with one value replaced; the scenario given is never changed. */
export function setAt<P extends ScenarioPath>(scenario: Scenario, path: P, value: ValueAt<P>): Scenario {
  const [head, tail] = path.split('.') as [Setting, string?];
  if (tail === undefined) return { ...scenario, [head]: value };
  return { ...scenario, [head]: { ...(scenario[head] as object), [tail]: value } };
}

/** The entries whose value is a subset of their choices. */
export type ListEntry = Extract<FieldEntry, { kind: 'list' }>;

/** A new scenario with a list setting holding the choices `chosen` keeps, in the table's order (so equal sets are equal). */
export function setChosen(scenario: Scenario, entry: ListEntry, chosen: (value: string) => boolean): Scenario {
  // TypeScript cannot pair a union of entries with a union of value types; the field table's type, checked above,
  // makes each entry's values exactly its path's choices, so a subset of them fits the path.
  return setAt(scenario, entry.path, entry.values.filter(chosen) as never);
}
