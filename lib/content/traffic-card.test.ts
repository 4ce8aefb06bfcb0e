import { describe, expect, it } from 'vitest';
import { decodeLink } from '@/lib/scenario/url-codec';
import { runBackoffStudy, runTrafficSync } from '@/lib/traffic';
import { formatMs } from '@/lib/format-ms';
import { trafficCard, type TrafficCard } from './traffic-card';

const SLOW = 'mode=traffic&rate=20&duration=30&cache=off&timeline=20:db-ok,10:db-slow';

function card(link: string): TrafficCard {
  const built = trafficCard(link);
  if (typeof built === 'string') throw new Error(built);
  return built;
}

const labels = (c: TrafficCard) => c.figures.map((f) => f.label);
const figure = (c: TrafficCard, label: string) => c.figures.find((f) => f.label === label)?.value;

describe('a traffic card', () => {
  it('says what the run is and shows its key figures as prose writes them', () => {
    const { summary } = runTrafficSync(decodeLink(SLOW).scenario);
    const slow = card(SLOW);
    expect(slow.setup).toBe('20 visits a second for 30 s');
    expect(slow.timeline).toEqual(['10 s db-slow', '20 s db-ok']);
    expect(figure(slow, 'Visits')).toBe(summary.requests.toLocaleString('en-US'));
    expect(figure(slow, 'Latency p99')).toBe(formatMs(summary.latency.p99));
    expect(figure(slow, 'Failed (5xx or no answer)')).toBe('0%');
    expect(figure(slow, 'Calls to the database')).toBe(summary.calls.db.toLocaleString('en-US'));
    expect(slow.sandboxQuery).toBe(SLOW);
  });

  it('leaves out what says nothing in this run: a hit ratio with nothing looked up, counts of nothing, parts not in use', () => {
    const slow = card(SLOW);
    expect(labels(slow)).not.toContain('Edge hit ratio');
    expect(labels(slow)).not.toContain('Refused by a breaker');
    expect(labels(slow)).not.toContain('Origin Shield hit ratio');
    const breaker = card('preset=payments-breaker&rate=10&duration=60');
    expect(labels(breaker)).toEqual(expect.arrayContaining(['Edge hit ratio', 'Refused by a breaker', 'Fallbacks served']));
    expect(breaker.sandboxQuery).toBe('preset=payments-breaker&rate=10&duration=60&mode=traffic');
  });

  it('shows the backoff study as the study counts it', () => {
    const study = runBackoffStudy(decodeLink('preset=backoff-study&jitter=none&clients=20').scenario);
    const c = card('preset=backoff-study&jitter=none&clients=20');
    expect(c.setup).toBe('20 clients racing to write one row; backoff exponential, jitter none, base 5 ms, cap 2000 ms');
    expect(c.timeline).toEqual([]);
    expect(figure(c, 'Calls (reads and writes)')).toBe(study.summary.calls.toLocaleString('en-US'));
    expect(figure(c, 'Last client done after')).toBe(formatMs(study.summary.completionMs));
  });

  it('says why there is no card for a single request or a bad link', () => {
    expect(trafficCard('preset=db-down')).toMatch(/runs one request, not many/);
    expect(trafficCard('preset=retry-storm&rate=banana')).toMatch(/has notices: rate:/);
  });
});
