/**
 * The kinds of setting a scenario has, and how each is described once for every place that needs it:
 * the schema (bounds, choices), the share link (parameter name, how it is written), the controls (label,
 * unit, hint, option labels, group) and the test generators (bounds, choices).
 */

/** The controls' groups, in the order a request meets them. */
export const GROUPS = [
  { id: 'request', legend: 'The request' },
  { id: 'edge', legend: 'Edge: WAF and cache' },
  { id: 'origin', legend: 'Edge → origin' },
  { id: 'proxies', legend: 'Proxies' },
  { id: 'database', legend: 'Database' },
  { id: 'payments', legend: 'Payments API' },
  { id: 'retries', legend: 'Timeouts and retries' },
  { id: 'connections', legend: 'Connections' },
  { id: 'latency', legend: 'Latencies (assumed, not measured)' },
] as const;

export type GroupId = (typeof GROUPS)[number]['id'];

interface Common {
  /** The share-link parameter. Links in the wild depend on it: never rename one. */
  param: string;
  /** The control's visible label. */
  label: string;
  hint?: string;
  /** Where the control sits. Without a group the setting has no control: links and files set it. */
  group?: GroupId;
}

/** A whole number from `min` to `max`. */
export interface IntField extends Common {
  kind: 'int';
  min: number;
  max: number;
  unit?: string;
  /** Drawn at half width, beside a neighbouring half-width field. */
  half?: true;
}

/** One of `values`. */
export interface EnumField<V extends string = string> extends Common {
  kind: 'enum';
  values: readonly V[];
  /** Each choice's label, in the order the menu lists them. Without it the menu shows the values themselves. */
  options?: Readonly<Record<V, string>>;
}

/** Yes or no: `yes`/`no` in a link, a checkbox in the controls. */
export interface BoolField extends Common {
  kind: 'bool';
}

/** Free text, kept as text: it is shown, never run. */
export interface TextField extends Common {
  kind: 'text';
  maxLength: number;
  /** A header value: one line, so a link cannot smuggle in another header. */
  singleLine?: true;
  /** What a link must give, in words, for its notice: “expected …”. */
  expected: string;
}

/** Any subset of `values`, written in their order: `a,b`, or `none`. */
export interface ListField<V extends string = string> extends Common {
  kind: 'list';
  values: readonly V[];
  options: Readonly<Record<V, string>>;
}

export type Field = IntField | EnumField | BoolField | TextField | ListField;

export const int = (field: Omit<IntField, 'kind'>): IntField => ({ kind: 'int', ...field });
export const yesNo = (field: Omit<BoolField, 'kind'>): BoolField => ({ kind: 'bool', ...field });
export const text = (field: Omit<TextField, 'kind'>): TextField => ({ kind: 'text', ...field });

export function choice<V extends string>(field: Omit<EnumField<V>, 'kind'>): EnumField<V> {
  return { kind: 'enum', ...field };
}

export function list<V extends string>(field: Omit<ListField<V>, 'kind'>): ListField<V> {
  return { kind: 'list', ...field };
}

/** The menu of an enum or list field: its option labels in their order, else its values. */
export function optionsOf<V extends string>(field: EnumField<V> | ListField<V>): { value: V; label: string }[] {
  const labels = field.options;
  return labels ? (Object.keys(labels) as V[]).map((value) => ({ value, label: labels[value] })) : field.values.map((value) => ({ value, label: value }));
}
