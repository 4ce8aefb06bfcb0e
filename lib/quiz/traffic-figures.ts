/**
 * Figures of a run of many requests, read by path: `traffic:summary.calls.db`, `traffic:series.max.p99`.
 *
 * A link whose mode is `traffic` (lib/traffic, docs/traffic.md) or `backoff-study` (docs/backoff-study.md) is run
 * once per link for the whole build, as lesson figures are (lib/content/figures.ts), and the path reads one number
 * or word from its result. Lesson prose quotes them with `<Outcome of="traffic:…" />`; quiz predictions about
 * traffic compare them (predict.ts). It lives here, in the quiz layer, because both need it and lib/content may
 * import lib/quiz, never the other way round.
 *
 * Paths, after the `traffic:` prefix:
 * - any field of the result by dots: `summary.requests`, `summary.calls.db`, `summary.latency.p99`,
 *   `summary.statuses.503`, `summary.byNode.db.meanWaitMs`, `summary.dbFailovers.0.failoverS`,
 *   `summary.cdn.originShield.hitRatio`, `summary.protection.rateLimited`; for the backoff study
 *   `summary.calls`, `summary.completionMs`, `policy.jitter`;
 * - the series, stretch by stretch: `series.<aggregate>.<field>`, optionally over a window of its stretches,
 *   `series[20-50].max.poolWaiting` (stretches starting from 20 s up to, not including, 50 s). The aggregates:
 *   `max`, `min`, `mean` (of the stretches), `argmax` (when the first highest stretch starts), `at(25)` (the stretch
 *   starting at 25 s), `firstAbove(0.05)` and `lastAbove(0.05)` (when the first or last stretch whose figure is
 *   above 0.05 starts), `secondsAbove(0.05)` (how long the figure stays above it, in all). A share is written as a
 *   fraction: 0.05 is 5%. Stretches with no figure (a hit ratio with no lookups) are left out.
 *
 * Units come from the field's name (traffic-paths.ts): `…Ms` and latencies are milliseconds; `…S` (not `…PerS`) and
 * times in the series are seconds, reported in milliseconds so that prose formats them as times; `errorRate`,
 * `hitRatio`, `utilization` and `waitedShare` are shares of one.
 */
import { decodeLink } from '@/lib/scenario/url-codec';
import type { Scenario } from '@/lib/scenario/schema';
import { runBackoffStudy, runTraffic, runTrafficSync, type BackoffStudyResult, type SeriesPoint, type TrafficResult } from '@/lib/traffic';
import { isSeriesPath, parseSeriesPath, SERIES_HELP, takesArgument, TRAFFIC_PREFIX, unitOfField, unitOfSeriesField, type TrafficUnit } from './traffic-paths';

export { TRAFFIC_PREFIX, type TrafficUnit } from './traffic-paths';

/** The result of a run of many requests: a traffic run, or the backoff study. */
export type ManyRequestResult = TrafficResult | BackoffStudyResult;

export interface TrafficFigure {
  value: number | string;
  unit: TrafficUnit;
}
export type TrafficRead = { ok: true; figure: TrafficFigure } | { ok: false; error: string };

/** The scenario of a link that runs many requests, or one sentence saying why it cannot. */
export function manyRequestScenario(link: string): Scenario | string {
  const decoded = decodeLink(link);
  if (decoded.notices.length) return `link “${link}” has notices: ${decoded.notices.map((n) => `${n.param}: ${n.message}`).join('; ')}`;
  if (decoded.scenario.mode === 'single') return `link “${link}” runs one request, not many: add mode=traffic or name a traffic preset`;
  return decoded.scenario;
}

/** Whether a link runs many requests (`mode=traffic` or `mode=backoff-study`), with no notices. */
export function isManyRequestLink(link: string): boolean {
  return typeof manyRequestScenario(link) !== 'string';
}

/**
 * The sandbox query that opens a run of many requests: the link as written, with its mode named when the link
 * leaves it to a preset (`preset=retry-storm` → `preset=retry-storm&mode=traffic`), so the sandbox opens in that mode.
 */
export function sandboxQueryFor(link: string): string {
  const query = link.replace(/^\?/, '');
  const scenario = manyRequestScenario(query);
  if (typeof scenario === 'string' || new URLSearchParams(query).has('mode')) return query;
  return `${query}&mode=${scenario.mode}`;
}

const runs = new Map<string, ManyRequestResult | string>();

/** One run per link, kept for the life of the process: a build quotes the same run many times. */
export function manyRequestRun(link: string): ManyRequestResult | string {
  let run = runs.get(link);
  if (run === undefined) {
    const scenario = manyRequestScenario(link);
    run = typeof scenario === 'string' ? scenario : scenario.mode === 'backoff-study' ? runBackoffStudy(scenario) : runTrafficSync(scenario);
    runs.set(link, run);
  }
  return run;
}

/**
 * The same run, pausing for the host between slices of work (lib/traffic's `runTraffic`), for a page that must stay
 * responsive while a quiz question is graded. Same link, same result as `manyRequestRun`.
 */
export async function manyRequestRunAsync(link: string): Promise<ManyRequestResult | string> {
  const known = runs.get(link);
  if (known !== undefined) return known;
  const scenario = manyRequestScenario(link);
  const run = typeof scenario === 'string' ? scenario : scenario.mode === 'backoff-study' ? runBackoffStudy(scenario) : await runTraffic(scenario);
  runs.set(link, run);
  return run;
}

function leaf(value: unknown, key: string, parent: string | undefined, what: string): TrafficRead {
  if (typeof value === 'number') {
    const { unit, scale } = unitOfField(key, parent);
    // Seconds become milliseconds; the product is rounded to what the engine reports, a thousandth.
    return { ok: true, figure: { value: scale === 1 ? value : Math.round(value * scale * 1000) / 1000, unit } };
  }
  if (typeof value === 'string' || typeof value === 'boolean') return { ok: true, figure: { value: String(value), unit: 'text' } };
  if (value === null || value === undefined) return { ok: false, error: `${what} has no value in this run` };
  const keys = Array.isArray(value) ? value.map((_, i) => String(i)) : Object.keys(value);
  return { ok: false, error: `${what} is not a single number or word: go on with one of .${keys.join(', .') || '(nothing: it is empty)'}` };
}

function readField(result: ManyRequestResult, path: string): TrafficRead {
  const keys = path.split('.');
  let value: unknown = result;
  for (const [i, key] of keys.entries()) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, key)) {
      const here = keys.slice(0, i).join('.') || 'the result';
      const options = value !== null && typeof value === 'object' ? Object.keys(value).join(', ') : 'nothing';
      return { ok: false, error: `“${path}”: ${here} has no “${key}” (it has ${options})` };
    }
    value = (value as Record<string, unknown>)[key];
  }
  return leaf(value, keys.at(-1)!, keys.at(-2), `“${path}”`);
}

function readSeries(result: TrafficResult, path: string): TrafficRead {
  const parsed = parseSeriesPath(path);
  if (!parsed) return { ok: false, error: `“${path}” is not a series figure: write ${SERIES_HELP}` };
  const { from, to, aggregate, argument: x, field } = parsed;
  if (takesArgument(aggregate) !== (x !== undefined)) return { ok: false, error: `“${path}”: ${aggregate} ${takesArgument(aggregate) ? 'needs a number in brackets' : 'takes no number'}` };
  const sample = result.series[0];
  if (!sample || !Object.hasOwn(sample, field) || field === 't') return { ok: false, error: `“${path}”: the series has no figure “${field}” (it has ${Object.keys(sample ?? {}).filter((k) => k !== 't').join(', ')})` };
  const points = result.series
    .filter((p) => (from === undefined || p.t >= from) && (to === undefined || p.t < to))
    .filter((p) => typeof p[field as keyof SeriesPoint] === 'number')
    .map((p) => ({ t: p.t, v: p[field as keyof SeriesPoint] as number }));
  if (points.length === 0) return { ok: false, error: `“${path}”: no stretch ${from === undefined ? '' : `from ${from} s to ${to} s `}has a “${field}”` };
  const unit = unitOfSeriesField(field);
  const figure = (value: number): TrafficRead => ({ ok: true, figure: { value: Math.round(value * 10000) / 10000, unit } });
  const time = (seconds: number): TrafficRead => ({ ok: true, figure: { value: Math.round(seconds * 1000), unit: 'ms' } });
  const above = points.filter((p) => p.v > x!);
  switch (aggregate) {
    case 'max':
      return figure(Math.max(...points.map((p) => p.v)));
    case 'min':
      return figure(Math.min(...points.map((p) => p.v)));
    case 'mean':
      return figure(points.reduce((sum, p) => sum + p.v, 0) / points.length);
    case 'argmax': {
      const top = Math.max(...points.map((p) => p.v));
      return time(points.find((p) => p.v === top)!.t);
    }
    case 'at': {
      const point = points.find((p) => p.t === x);
      return point ? figure(point.v) : { ok: false, error: `“${path}”: no stretch starts at ${x} s (they start every ${result.bucketS} s)` };
    }
    case 'firstAbove':
    case 'lastAbove':
      if (above.length === 0) return { ok: false, error: `“${path}”: “${field}” is never above ${x} in this run` };
      return time((aggregate === 'firstAbove' ? above[0]! : above.at(-1)!).t);
    case 'secondsAbove':
      return time(above.length * result.bucketS);
  }
}

/** A figure of a run of many requests, its path without the `traffic:` prefix. */
export function readManyRequestPath(result: ManyRequestResult, path: string): TrafficRead {
  if (isSeriesPath(path)) return 'series' in result ? readSeries(result, path) : { ok: false, error: `“${path}”: the backoff study has no series; read its summary` };
  return readField(result, path);
}

/** `traffic:<path>` of the run a link describes, or one sentence saying why it cannot be read. */
export function readTrafficFigure(link: string, path: string): TrafficRead {
  if (!path.startsWith(TRAFFIC_PREFIX)) return { ok: false, error: `“${path}” is not a traffic figure: write ${TRAFFIC_PREFIX}summary.… or ${TRAFFIC_PREFIX}series.…` };
  const result = manyRequestRun(link);
  return typeof result === 'string' ? { ok: false, error: result } : readManyRequestPath(result, path.slice(TRAFFIC_PREFIX.length));
}
