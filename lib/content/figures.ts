/**
 * Engine figures quoted in lesson prose: `<Outcome link="db=slow" of="latencyMs" />` reads the number
 * from a run of the engine at build time, so the text can never drift from what the simulator shows.
 * A run of many requests is quoted the same way, its path prefixed `traffic:`
 * (`<Outcome link="preset=retry-storm" of="traffic:summary.calls.db" />`; lib/quiz/traffic-figures.ts).
 * Pure, and shared by the component (which throws) and `npm run check:content` (which lists).
 */
import { NODE_IDS, runScenario, type EventKind, type NodeId, type SimEvent, type SimResult } from '@/lib/sim';
import { decodeLink } from '@/lib/scenario/url-codec';
import { readTrafficFigure, TRAFFIC_PREFIX } from '@/lib/quiz/traffic-figures';

export interface FigureSpec {
  /** A share-link query string: the run the figure comes from. */
  link: string;
  /** A figure path (see `readPath`). */
  of: string;
  /** A second figure path, subtracted from the first… */
  minus?: string;
  /** …read from this run instead of `link`'s. */
  minusLink?: string;
  /** A figure path the result is divided by (after `minus`): calls per request, one run's calls over another's… */
  per?: string;
  /** …read from this run instead of `link`'s. */
  perLink?: string;
  format?: string;
}

/** What a figure measures decides which formats make sense. A share is a fraction of one (an error rate). */
export type FigureUnit = 'ms' | 'number' | 'share' | 'text';
export interface Figure {
  value: number | string;
  unit: FigureUnit;
}
export type FigureResult = { ok: true; figure: Figure; format: FigureFormat } | { ok: false; error: string };

/**
 * `duration`: the simulator's own display (356 ms, 6.25 s). `ms`: whole milliseconds (30,092 ms).
 * `s`: seconds to one decimal (6.2 s). `count`: a plain number (1,454). `whole`: rounded to a whole number (888,
 * for an average of a count); `decimal`: to one decimal (43.2). `word`: small whole numbers
 * spelled out (nine). `text`: as the engine wrote it (a status, a node id, a log line).
 * `percent`: a share or a ratio as a percentage, to one decimal (13.2%). `times`: a ratio to one decimal (3×).
 */
export const FIGURE_FORMATS = ['duration', 'ms', 's', 'count', 'whole', 'decimal', 'word', 'text', 'percent', 'times'] as const;
export type FigureFormat = (typeof FIGURE_FORMATS)[number];

const runs = new Map<string, SimResult | string>();

/** One engine run per link for the whole build; a link with notices is an error, never a silent default. */
function runFor(link: string): SimResult | string {
  let run = runs.get(link);
  if (run === undefined) {
    const decoded = decodeLink(link);
    run = decoded.notices.length
      ? `link “${link}” has notices: ${decoded.notices.map((n) => `${n.param}: ${n.message}`).join('; ')}`
      : decoded.scenario.mode !== 'single'
        ? `link “${link}” runs many requests (mode ${decoded.scenario.mode}): read its figures as ${TRAFFIC_PREFIX}summary.… or ${TRAFFIC_PREFIX}series.…`
        : runScenario(decoded.scenario);
    runs.set(link, run);
  }
  return run;
}

const MS_RUN_FIELDS = new Set(['latencyMs', 'renderedAtMs', 'durationMs', 'workEndedAtMs']);
const MS_EVENT_FIELDS = new Set(['t', 'end', 'durationMs', 'waitMs']);
const EVENT_FIELDS = ['t', 'durationMs', 'waitMs', 'status', 'attempt', 'decision', 'narration'];
const EVENT_FIELDS_HELP = ['count', 'end', ...EVENT_FIELDS, 'headers.<name>', 'detail.<key>'].join(', ');

type Read = { ok: true; figure: Figure } | { ok: false; error: string };

function scalar(value: unknown, unit: FigureUnit, what: string): Read {
  if (typeof value === 'number') return { ok: true, figure: { value, unit } };
  if (typeof value === 'string' || typeof value === 'boolean') return { ok: true, figure: { value: String(value), unit: unit === 'ms' ? 'ms' : 'text' } };
  if (value === null || value === undefined) return { ok: false, error: `${what} has no value in this run` };
  return { ok: false, error: `${what} is not a single number or word` };
}

function readRunField(result: SimResult, field: string): Read {
  const fields: Record<string, unknown> = { ...result.summary, ...result.outcome };
  if (!Object.hasOwn(fields, field)) {
    return { ok: false, error: `unknown figure “${field}”: use a field of the outcome (${Object.keys(result.outcome).join(', ')}), of the summary (${Object.keys(result.summary).join(', ')}), or event:<kind>.<field>` };
  }
  return scalar(fields[field], MS_RUN_FIELDS.has(field) ? 'ms' : 'number', `“${field}”`);
}

/** `event:<kind>(from=<node>,to=<node>)#<n>.<field>`; the filter and `#n` (1-based, or `last`) are optional. */
const EVENT_PATH = /^event:([a-z-]+)(?:\(([^)]*)\))?(?:#(\d+|last))?\.([A-Za-z][\w.-]*)$/;

function readEvent(result: SimResult, path: string): Read {
  const match = EVENT_PATH.exec(path);
  if (!match) return { ok: false, error: `“${path}” is not an event figure: write event:<kind>(from=<node>,to=<node>)#<n>.<field>` };
  const [, kind, filter, index, field] = match as unknown as [string, string, string | undefined, string | undefined, string];
  const conditions: { key: 'from' | 'to'; node: NodeId }[] = [];
  for (const part of filter ? filter.split(',') : []) {
    const [key, node] = part.split('=').map((s) => s.trim());
    if ((key !== 'from' && key !== 'to') || !(NODE_IDS as readonly string[]).includes(node ?? '')) {
      return { ok: false, error: `“${part}” in ${path}: filter with from=<node> or to=<node>, nodes being ${NODE_IDS.join(', ')}` };
    }
    conditions.push({ key, node: node as NodeId });
  }
  const ofKind = result.events.filter((e) => e.kind === (kind as EventKind));
  if (ofKind.length === 0) return { ok: false, error: `no “${kind}” event occurs in this run` };
  const matching = ofKind.filter((e) => conditions.every((c) => e[c.key] === c.node));
  if (field === 'count') return index ? { ok: false, error: `${path}: count takes no #n` } : { ok: true, figure: { value: matching.length, unit: 'number' } };
  const n = index === 'last' ? matching.length : Number(index ?? 1);
  const event = matching[n - 1];
  if (!event) return { ok: false, error: `${path}: the run has ${matching.length} matching “${kind}” event(s), not ${index ?? 1}` };
  return readEventField(event, field, path);
}

function readEventField(event: SimEvent, field: string, path: string): Read {
  const what = `${path} (event ${event.id})`;
  if (field === 'end') return { ok: true, figure: { value: event.t + event.durationMs, unit: 'ms' } };
  const [group, key] = field.split(/\.(.*)/s) as [string, string | undefined];
  if (key !== undefined && (group === 'headers' || group === 'detail')) {
    const bag = group === 'headers' ? event.headers : event.detail;
    if (!bag || !Object.hasOwn(bag, key)) return { ok: false, error: `${what} has no ${group}.${key} (it has ${Object.keys(bag ?? {}).join(', ') || 'none'})` };
    return scalar(bag[key], /Ms$/.test(key) ? 'ms' : 'number', what);
  }
  if (!EVENT_FIELDS.includes(field)) return { ok: false, error: `unknown event field “${field}” in ${path}: use one of ${EVENT_FIELDS_HELP}` };
  return scalar(event[field as keyof SimEvent], MS_EVENT_FIELDS.has(field) ? 'ms' : 'number', what);
}

/**
 * A figure path, read from one run:
 * - `traffic:…`, a figure of a run of many requests (lib/quiz/traffic-figures.ts says which);
 * - a field of `outcome` or `summary`: `latencyMs`, `status`, `dbQueries`…;
 * - `event:<kind>(from=<node>,to=<node>)#<n>.<field>`: a field of the nth event of that kind (filter and `#n`
 *   optional, `#last` allowed): t, end, durationMs, waitMs, status, attempt, decision, narration,
 *   headers.<name> or detail.<key>; or `event:<kind>(…).count`, how many such events the run has.
 * A kind that never occurs is an error, so a figure cannot silently read nothing.
 */
export function readPath(link: string, path: string): Read {
  if (path.startsWith(TRAFFIC_PREFIX)) return readTrafficFigure(link, path);
  const result = runFor(link);
  if (typeof result === 'string') return { ok: false, error: result };
  return path.startsWith('event:') ? readEvent(result, path) : readRunField(result, path);
}

function formatFits(figure: Figure, format: FigureFormat): string | null {
  const numeric = typeof figure.value === 'number' || /^-?\d+(\.\d+)?$/.test(figure.value);
  if (format === 'text') return figure.unit === 'ms' ? 'a time needs a unit: use duration, ms or s' : figure.unit === 'share' ? 'a share reads as a percentage: use percent' : null;
  if (!numeric) return `the figure is “${figure.value}”, not a number`;
  if (format === 'percent') return figure.unit === 'share' || figure.unit === 'number' ? null : 'percent is for shares and ratios, not times';
  if (format === 'times') return figure.unit === 'number' ? null : 'times is for a ratio of two figures of the same kind (use per)';
  if (figure.unit === 'share' && format !== 'count') return 'a share reads as a percentage: use percent';
  if ((format === 'duration' || format === 'ms' || format === 's') !== (figure.unit === 'ms')) {
    return figure.unit === 'ms' ? 'a time needs a unit: use duration, ms or s' : `${format} is for times in milliseconds`;
  }
  return null;
}

/**
 * One figure over another: two of the same kind make a plain ratio (calls over requests, time over time); a time
 * over a count stays a time (milliseconds per request).
 */
function divide(a: Figure, b: Figure): Figure | string {
  if (typeof a.value !== 'number' || typeof b.value !== 'number') return `needs two numbers, got ${String(a.value)} and ${String(b.value)}`;
  if (b.value === 0) return 'the figure to divide by is 0 in this run';
  const unit = a.unit === b.unit ? 'number' : a.unit === 'ms' && b.unit === 'number' ? 'ms' : null;
  if (unit === null) return `cannot divide a ${a.unit} figure by a ${b.unit} one`;
  return { value: Math.round((a.value / b.value) * 10000) / 10000, unit };
}

/** Resolves an `<Outcome>`: the figure and its format, or one sentence saying what is wrong. */
export function resolveFigure(spec: FigureSpec): FigureResult {
  const first = readPath(spec.link, spec.of);
  if (!first.ok) return first;
  let figure = first.figure;
  if (spec.minus !== undefined) {
    const second = readPath(spec.minusLink ?? spec.link, spec.minus);
    if (!second.ok) return { ok: false, error: `minus: ${second.error}` };
    if (typeof figure.value !== 'number' || typeof second.figure.value !== 'number' || figure.unit !== second.figure.unit) {
      return { ok: false, error: `minus needs two numbers of the same kind, got ${String(figure.value)} and ${String(second.figure.value)}` };
    }
    figure = { value: Math.round((figure.value - second.figure.value) * 1000) / 1000, unit: figure.unit };
  } else if (spec.minusLink !== undefined) {
    return { ok: false, error: 'minusLink needs minus: the figure to subtract' };
  }
  if (spec.per !== undefined) {
    const divisor = readPath(spec.perLink ?? spec.link, spec.per);
    if (!divisor.ok) return { ok: false, error: `per: ${divisor.error}` };
    const quotient = divide(figure, divisor.figure);
    if (typeof quotient === 'string') return { ok: false, error: `per: ${quotient}` };
    figure = quotient;
  } else if (spec.perLink !== undefined) {
    return { ok: false, error: 'perLink needs per: the figure to divide by' };
  }
  const format = (spec.format ?? (figure.unit === 'ms' ? 'duration' : figure.unit === 'share' ? 'percent' : typeof figure.value === 'number' ? 'count' : 'text')) as FigureFormat;
  if (!(FIGURE_FORMATS as readonly string[]).includes(format)) return { ok: false, error: `unknown format “${format}”: use one of ${FIGURE_FORMATS.join(', ')}` };
  const misfit = formatFits(figure, format);
  return misfit ? { ok: false, error: `format “${format}”: ${misfit}` } : { ok: true, figure, format };
}
