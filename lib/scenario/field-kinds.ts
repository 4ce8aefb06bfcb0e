/**
 * The kinds of setting a scenario has, and how each is described once for every place that needs it:
 * the schema (bounds, choices), the share link (parameter name, how it is written), the controls (label,
 * unit, hint, option labels, group) and the test generators (bounds, choices).
 */

import type { Mode } from './vocabulary';

/**
 * The controls' groups: first what a traffic run alone has (its load, its timeline, its capacity), then the
 * settings of every request in the order a request meets them, then the traffic run's longer lists. `modes` says
 * which runs show a group; a `collapsed` group starts closed, as a disclosure, so the form stays short; `also` names
 * settings of other groups a group draws too, for a run that reads only those.
 */
export const GROUPS = [
  { id: 'load', legend: 'Load', modes: ['traffic'] },
  { id: 'timeline', legend: 'Timeline', modes: ['traffic'] },
  { id: 'capacity', legend: 'Capacity', modes: ['traffic'] },
  { id: 'request', legend: 'The request', modes: ['single', 'traffic'] },
  { id: 'edge', legend: 'Edge: WAF and cache', modes: ['single', 'traffic'] },
  { id: 'origin', legend: 'Edge → origin', modes: ['single', 'traffic'] },
  { id: 'proxies', legend: 'Proxies', modes: ['single', 'traffic'] },
  { id: 'database', legend: 'Database', modes: ['single', 'traffic'] },
  { id: 'payments', legend: 'Payments API', modes: ['single', 'traffic'] },
  { id: 'retries', legend: 'Timeouts and retries', modes: ['single', 'traffic'] },
  { id: 'connections', legend: 'Connections', modes: ['single', 'traffic'] },
  { id: 'latency', legend: 'Latencies (assumed, not measured)', modes: ['single', 'traffic'] },
  { id: 'resilience', legend: 'Resilience patterns', modes: ['traffic'], collapsed: true },
  { id: 'cdn', legend: 'CloudFront at scale', modes: ['traffic'], collapsed: true },
  { id: 'protection', legend: 'Rate rule, attacks and failover', modes: ['traffic'], collapsed: true },
  { id: 'network', legend: 'Network rules', modes: ['single', 'traffic'], collapsed: true },
  // The backoff study reads its clients and the retry policy's backoff, jitter, base and cap (lib/traffic/backoff-study.ts).
  { id: 'study', legend: 'The backoff study', modes: ['backoff-study'], also: ['retry.backoff', 'retry.jitter', 'retry.baseMs', 'retry.capMs'] },
] as const satisfies readonly { id: string; legend: string; modes: readonly Mode[]; collapsed?: true; also?: readonly string[] }[];

export type GroupId = (typeof GROUPS)[number]['id'];

interface Common {
  /** The share-link parameter. Links in the wild depend on it: never rename one. */
  param: string;
  /** Former names of the parameter, still read from links (the link is written with `param`). */
  aliases?: readonly string[];
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

/** A number from `min` to `max` with at most `decimals` digits after the point: `0.8`, `12.5` in a link. */
export interface NumField extends Common {
  kind: 'num';
  min: number;
  max: number;
  decimals: number;
  unit?: string;
}

/** One of `values`. */
export interface EnumField<V extends string = string> extends Common {
  kind: 'enum';
  values: readonly V[];
  /** Each choice's label, in the order the menu lists them. Without it the menu shows the values themselves. */
  options?: Readonly<Record<V, string>>;
  /**
   * Values only a traffic run can take (rules.ts): the menu lists them in traffic mode only, and always shows
   * the current value.
   */
  trafficOnly?: readonly V[];
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
  /** What the whole text must match, when not just any text does (`expected` says it in words). */
  pattern?: RegExp;
}

/** Any subset of `values`, written in their order: `a,b`, or `none`. */
export interface ListField<V extends string = string> extends Common {
  kind: 'list';
  values: readonly V[];
  options: Readonly<Record<V, string>>;
}

/** One moment of a schedule: at `atS` seconds, `action` happens. */
export interface Moment<A extends string = string> {
  atS: number;
  action: A;
}

/**
 * Things that happen at given moments: at most `maxEntries`, each at 0 to `maxS` seconds (at most `decimals`
 * digits after the point). A link writes `10:db-slow,40:db-ok` in time order, or `none`.
 */
export interface ScheduleField<A extends string = string> extends Common {
  kind: 'schedule';
  actions: readonly A[];
  /** What each action means, in a line. */
  options: Readonly<Record<A, string>>;
  maxEntries: number;
  maxS: number;
  decimals: number;
}

/**
 * A security group's rules (lib/scenario/network-rules.ts): `in:tcp:5432:sg-app,out:all:0.0.0.0/0` in a link, or
 * `none`.
 */
export interface SecurityGroupField extends Common {
  kind: 'securityGroup';
}

/** A network ACL's numbered rules: `in:100:allow:tcp:5432:10.0.21.0/24,…` in a link, or `none`. */
export interface NetworkAclField extends Common {
  kind: 'networkAcl';
}

export type Field = IntField | NumField | EnumField | BoolField | TextField | ListField | ScheduleField | SecurityGroupField | NetworkAclField;

export const int = (field: Omit<IntField, 'kind'>): IntField => ({ kind: 'int', ...field });
export const num = (field: Omit<NumField, 'kind'>): NumField => ({ kind: 'num', ...field });
export const yesNo = (field: Omit<BoolField, 'kind'>): BoolField => ({ kind: 'bool', ...field });
export const text = (field: Omit<TextField, 'kind'>): TextField => ({ kind: 'text', ...field });

export const securityGroup = (field: Omit<SecurityGroupField, 'kind'>): SecurityGroupField => ({ kind: 'securityGroup', ...field });
export const networkAcl = (field: Omit<NetworkAclField, 'kind'>): NetworkAclField => ({ kind: 'networkAcl', ...field });

export function choice<V extends string>(field: Omit<EnumField<V>, 'kind'>): EnumField<V> {
  return { kind: 'enum', ...field };
}

export function list<V extends string>(field: Omit<ListField<V>, 'kind'>): ListField<V> {
  return { kind: 'list', ...field };
}

export function schedule<A extends string>(field: Omit<ScheduleField<A>, 'kind'>): ScheduleField<A> {
  return { kind: 'schedule', ...field };
}

/** The runs the sandbox shows with controls. */
export type ControlledMode = Mode;

/**
 * The menu of an enum or list field: its option labels in their order, else its values. An enum's `trafficOnly`
 * values are left out of any other run's menu, unless one is `current`: a menu always shows what is set.
 */
export function optionsOf<V extends string>(field: EnumField<V> | ListField<V>, current?: V, mode: ControlledMode = 'single'): { value: V; label: string }[] {
  const labels = field.options;
  const all = labels ? (Object.keys(labels) as V[]).map((value) => ({ value, label: labels[value] })) : field.values.map((value) => ({ value, label: value }));
  const hidden: readonly V[] = (mode !== 'traffic' && field.kind === 'enum' && field.trafficOnly) || [];
  return all.filter(({ value }) => value === current || !hidden.includes(value));
}

/**
 * A number as a link or a control writes it: digits, then at most `decimals` digits after a point. No sign, no
 * exponent, no `NaN` or `Infinity`: `1e3`, `-1` and `+5` are refused rather than guessed at. `NaN` when it is not one.
 */
export function parseDecimal(text: string, decimals: number): number {
  const pattern = decimals > 0 ? new RegExp(`^\\d{1,10}(\\.\\d{1,${decimals}})?$`) : /^\d{1,10}$/;
  return pattern.test(text) ? Number(text) : NaN;
}

/** Whether a number has at most `decimals` digits after the point (0.1 + 0.2 has more than 3). */
export function hasAtMostDecimals(value: number, decimals: number): boolean {
  // toFixed rounds the exact binary value, so a number written with that many decimals comes back as itself.
  return Number(value.toFixed(decimals)) === value;
}

/** A schedule's moments in time order; moments at the same time keep their order (Array.prototype.sort is stable). */
export function inTimeOrder<M extends Moment>(moments: readonly M[]): M[] {
  return [...moments].sort((a, b) => a.atS - b.atS);
}
