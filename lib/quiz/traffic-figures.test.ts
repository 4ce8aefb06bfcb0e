import { describe, expect, it } from 'vitest';
import { decodeLink } from '@/lib/scenario/url-codec';
import { runBackoffStudy, runTrafficSync } from '@/lib/traffic';
import { isManyRequestLink, manyRequestRun, manyRequestRunAsync, readTrafficFigure, sandboxQueryFor } from './traffic-figures';
import { unitOfTrafficPath } from './traffic-paths';

// Small runs, so the suite stays quick: the database slows down for ten seconds of thirty, and a failover.
const SLOW = 'mode=traffic&rate=20&duration=30&cache=off&timeline=10:db-slow,20:db-ok';
const FAILOVER = 'preset=db-failover&rate=5&dbHa=cluster&duration=60';
const STUDY = 'preset=backoff-study&clients=20';

const direct = runTrafficSync(decodeLink(SLOW).scenario);
const failover = runTrafficSync(decodeLink(FAILOVER).scenario);

function value(link: string, path: string): number | string {
  const read = readTrafficFigure(link, path);
  if (!read.ok) throw new Error(read.error);
  return read.figure.value;
}

function error(link: string, path: string): string {
  const read = readTrafficFigure(link, path);
  return read.ok ? '' : read.error;
}

describe('a traffic figure', () => {
  it('reads any field of the summary by dots, as the run reports it', () => {
    expect(value(SLOW, 'traffic:summary.requests')).toBe(direct.summary.requests);
    expect(value(SLOW, 'traffic:summary.calls.db')).toBe(direct.summary.calls.db);
    expect(value(SLOW, 'traffic:summary.latency.p99')).toBe(direct.summary.latency.p99);
    expect(value(SLOW, 'traffic:summary.byNode.db.meanWaitMs')).toBe(direct.summary.byNode.db.meanWaitMs);
    expect(value(SLOW, 'traffic:summary.statuses.200')).toBe(direct.summary.statuses['200']);
  });

  it('knows what each field measures: times in ms (seconds made ms), shares of one, and counts', () => {
    expect(readTrafficFigure(SLOW, 'traffic:summary.errorRate')).toMatchObject({ ok: true, figure: { unit: 'share' } });
    expect(readTrafficFigure(SLOW, 'traffic:summary.latency.mean')).toMatchObject({ ok: true, figure: { unit: 'ms' } });
    expect(readTrafficFigure(SLOW, 'traffic:summary.byNode.db.meanQueue')).toMatchObject({ ok: true, figure: { unit: 'number' } });
    const [report] = failover.summary.dbFailovers;
    expect(readTrafficFigure(FAILOVER, 'traffic:summary.dbFailovers.0.failoverS')).toEqual({ ok: true, figure: { value: report!.failoverS * 1000, unit: 'ms' } });
    expect(value(FAILOVER, 'traffic:summary.dbFailovers.0.podsBackAtS.1')).toBe(report!.podsBackAtS[1]! * 1000);
    expect(unitOfTrafficPath('traffic:summary.dbFailovers.0.dnsWaitS.2')).toBe('ms');
    expect(unitOfTrafficPath('traffic:series.max.retriesPerS')).toBe('number');
    expect(unitOfTrafficPath('traffic:series.firstAbove(0.1).errorRate')).toBe('ms');
    expect(unitOfTrafficPath('traffic:series.max.hitRatio')).toBe('share');
  });

  it('aggregates the series stretch by stretch, over a window if asked', () => {
    const waiting = direct.series.map((p) => p.poolWaiting);
    const top = Math.max(...waiting);
    expect(value(SLOW, 'traffic:series.max.poolWaiting')).toBe(Math.round(top * 10000) / 10000);
    expect(value(SLOW, 'traffic:series.argmax.poolWaiting')).toBe(direct.series.find((p) => p.poolWaiting === top)!.t * 1000);
    expect(value(SLOW, 'traffic:series.at(15).poolInUse')).toBe(Math.round(direct.series.find((p) => p.t === 15)!.poolInUse * 10000) / 10000);
    expect(value(SLOW, 'traffic:series[0-10].max.p99')).toBe(Math.round(Math.max(...direct.series.filter((p) => p.t < 10).map((p) => p.p99)) * 10000) / 10000);
    const busy = direct.series.filter((p) => p.retriesPerS > 5);
    expect(value(SLOW, 'traffic:series.firstAbove(5).retriesPerS')).toBe(busy[0]!.t * 1000);
    expect(value(SLOW, 'traffic:series.lastAbove(5).retriesPerS')).toBe(busy.at(-1)!.t * 1000);
    expect(value(SLOW, 'traffic:series.secondsAbove(5).retriesPerS')).toBe(busy.length * direct.bucketS * 1000);
    const mean = direct.series.reduce((sum, p) => sum + p.rps, 0) / direct.series.length;
    expect(value(SLOW, 'traffic:series.mean.rps')).toBe(Math.round(mean * 10000) / 10000);
  });

  it('reads the backoff study’s summary and policy', () => {
    const study = runBackoffStudy(decodeLink(STUDY).scenario);
    expect(value(STUDY, 'traffic:summary.calls')).toBe(study.summary.calls);
    expect(readTrafficFigure(STUDY, 'traffic:summary.completionMs')).toEqual({ ok: true, figure: { value: study.summary.completionMs, unit: 'ms' } });
    expect(readTrafficFigure(STUDY, 'traffic:policy.jitter')).toEqual({ ok: true, figure: { value: 'full', unit: 'text' } });
  });

  it('refuses what it cannot read, saying why', () => {
    expect(error('db=slow', 'traffic:summary.requests')).toMatch(/runs one request, not many/);
    expect(error('mode=traffic&rate=-1', 'traffic:summary.requests')).toMatch(/has notices: rate:/);
    expect(error(SLOW, 'summary.requests')).toMatch(/not a traffic figure/);
    expect(error(SLOW, 'traffic:summary.speed')).toMatch(/summary has no “speed” \(it has requests, /);
    expect(error(SLOW, 'traffic:summary.latency')).toMatch(/not a single number or word: go on with one of \.p50, \.p95, \.p99, \.mean/);
    expect(error(SLOW, 'traffic:series.max.colour')).toMatch(/the series has no figure “colour”/);
    expect(error(SLOW, 'traffic:series.top.p99')).toMatch(/not a series figure/);
    expect(error(SLOW, 'traffic:series.at.p99')).toMatch(/at needs a number in brackets/);
    expect(error(SLOW, 'traffic:series.max(3).p99')).toMatch(/max takes no number/);
    expect(error(SLOW, 'traffic:series.at(7.5).p99')).toMatch(/no stretch starts at 7.5 s \(they start every 1 s\)/);
    expect(error(SLOW, 'traffic:series.firstAbove(1).errorRate')).toMatch(/never above 1/);
    expect(error(SLOW, 'traffic:series[100-200].max.p99')).toMatch(/no stretch from 100 s to 200 s/);
    expect(error(STUDY, 'traffic:series.max.p99')).toMatch(/the backoff study has no series/);
  });
});

describe('a run of many requests', () => {
  it('runs once per link, and the paced run gives the same result as the one without pauses', async () => {
    expect(manyRequestRun(SLOW)).toBe(manyRequestRun(SLOW));
    const link = 'mode=traffic&rate=10&duration=10&seed=3';
    const paced = await manyRequestRunAsync(link);
    expect(paced).toEqual(runTrafficSync(decodeLink(link).scenario));
    expect(manyRequestRun(link)).toBe(paced);
  });

  it('tells a link of many requests from one of one, and opens it in the sandbox in its mode', () => {
    expect(isManyRequestLink('preset=retry-storm')).toBe(true);
    expect(isManyRequestLink('preset=backoff-study')).toBe(true);
    expect(isManyRequestLink('preset=db-down')).toBe(false);
    expect(sandboxQueryFor('preset=retry-storm')).toBe('preset=retry-storm&mode=traffic');
    expect(sandboxQueryFor('preset=backoff-study&jitter=none')).toBe('preset=backoff-study&jitter=none&mode=backoff-study');
    expect(sandboxQueryFor('?mode=traffic&rate=10')).toBe('mode=traffic&rate=10');
  });
});
