/**
 * The grammar of traffic figure paths (lib/quiz/traffic-figures.ts reads them from a run): what a path measures can
 * be told from the path alone, so a question's choices can be worded without running anything. Engine-free, so the
 * quiz's inputs can use it in a lesson's first load.
 */
export const TRAFFIC_PREFIX = 'traffic:';

/** A share is a fraction of one (an error rate); times are in milliseconds. */
export type TrafficUnit = 'ms' | 'number' | 'share' | 'text';

const SHARES = new Set(['errorRate', 'hitRatio', 'utilization', 'waitedShare']);
export const LATENCIES = new Set(['p50', 'p95', 'p99', 'mean']);

/**
 * What a field measures, from its name and, for an array's element, the name of the array: `…Ms` and latencies are
 * milliseconds; `…S` (not `…PerS`) are seconds, which a figure reports in milliseconds (`scale` 1000).
 */
export function unitOfField(key: string, parent: string | undefined): { unit: TrafficUnit; scale: number } {
  if (/^\d+$/.test(key) && parent !== undefined) return unitOfField(parent, undefined);
  if (SHARES.has(key)) return { unit: 'share', scale: 1 };
  if (/Ms$/.test(key) || (parent === 'latency' && LATENCIES.has(key))) return { unit: 'ms', scale: 1 };
  if (/(?<!Per)S$/.test(key)) return { unit: 'ms', scale: 1000 };
  return { unit: 'number', scale: 1 };
}

/** A field of the series, stretch by stretch. */
export function unitOfSeriesField(field: string): TrafficUnit {
  return SHARES.has(field) ? 'share' : LATENCIES.has(field) ? 'ms' : 'number';
}

const NUMBER = String.raw`\d+(?:\.\d+)?`;
export const SERIES_AGGREGATES = ['max', 'min', 'mean', 'argmax', 'at', 'firstAbove', 'lastAbove', 'secondsAbove'] as const;
export type SeriesAggregate = (typeof SERIES_AGGREGATES)[number];
/** Aggregates that answer with a moment or a length of time rather than a value of the field. */
const TIMES = new Set<SeriesAggregate>(['argmax', 'firstAbove', 'lastAbove', 'secondsAbove']);
const SERIES_PATH = new RegExp(String.raw`^series(?:\[(${NUMBER})-(${NUMBER})\])?\.(${SERIES_AGGREGATES.join('|')})(?:\((${NUMBER})\))?\.([A-Za-z0-9]+)$`);
export const SERIES_HELP = 'series[<from>-<to>].<max|min|mean|argmax|at(t)|firstAbove(x)|lastAbove(x)|secondsAbove(x)>.<field>, the window optional';

export interface SeriesPath {
  from?: number;
  to?: number;
  aggregate: SeriesAggregate;
  argument?: number;
  field: string;
}

/** A series path taken apart (without the prefix), or null when it is not one. */
export function parseSeriesPath(path: string): SeriesPath | null {
  const match = SERIES_PATH.exec(path);
  if (!match) return null;
  const [, from, to, aggregate, argument, field] = match as unknown as [string, string | undefined, string | undefined, SeriesAggregate, string | undefined, string];
  const number = (text: string | undefined) => (text === undefined ? undefined : Number(text));
  return { from: number(from), to: number(to), aggregate, argument: number(argument), field };
}

export function isSeriesPath(path: string): boolean {
  return path === 'series' || path.startsWith('series.') || path.startsWith('series[');
}

/** What a figure path (with its `traffic:` prefix) measures, without running anything. */
export function unitOfTrafficPath(path: string): TrafficUnit {
  const bare = path.startsWith(TRAFFIC_PREFIX) ? path.slice(TRAFFIC_PREFIX.length) : path;
  if (isSeriesPath(bare)) {
    const series = parseSeriesPath(bare);
    if (!series) return 'number';
    return TIMES.has(series.aggregate) ? 'ms' : unitOfSeriesField(series.field);
  }
  const keys = bare.split('.');
  return unitOfField(keys.at(-1)!, keys.at(-2)).unit;
}

/** Whether an aggregate takes a number in brackets (`at(25)`, `firstAbove(0.05)`). */
export function takesArgument(aggregate: SeriesAggregate): boolean {
  return aggregate === 'at' || aggregate === 'firstAbove' || aggregate === 'lastAbove' || aggregate === 'secondsAbove';
}
