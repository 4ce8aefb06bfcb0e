import { describe, expect, it } from 'vitest';
import { runScenario } from '@/lib/sim';
import { decodeLink } from '@/lib/scenario/url-codec';
import { runTrafficSync } from '@/lib/traffic';
import { checkOutcomes, handTypedTimes } from './figure-check';
import { resolveFigure, type FigureSpec } from './figures';

const run = (link: string) => runScenario(decodeLink(link).scenario);
const healthy = run('preset=api-get');

function value(spec: FigureSpec): number | string {
  const resolved = resolveFigure(spec);
  if (!resolved.ok) throw new Error(resolved.error);
  return resolved.figure.value;
}

function error(spec: FigureSpec): string {
  const resolved = resolveFigure(spec);
  return resolved.ok ? '' : resolved.error;
}

describe('resolveFigure', () => {
  it('reads fields of the outcome and the summary, with a format that fits their kind', () => {
    expect(resolveFigure({ link: 'preset=api-get', of: 'latencyMs' })).toEqual({ ok: true, figure: { value: healthy.outcome.latencyMs, unit: 'ms' }, format: 'duration' });
    expect(resolveFigure({ link: 'preset=api-get', of: 'dbQueries' })).toMatchObject({ ok: true, format: 'count' });
    expect(value({ link: 'preset=api-get', of: 'answeredBy' })).toBe(healthy.outcome.answeredBy);
  });

  it('reads events by kind, direction and position', () => {
    const requests = healthy.events.filter((e) => e.kind === 'request' && e.from === 'browser');
    expect(value({ link: 'preset=api-get', of: 'event:tcp-ack.t' })).toBe(healthy.events.find((e) => e.kind === 'tcp-ack')!.t);
    expect(value({ link: 'preset=api-get', of: 'event:request(from=browser,to=edge)#2.t' })).toBe(requests[1]!.t);
    expect(value({ link: 'preset=api-get', of: 'event:request(from=browser).count' })).toBe(requests.length);
    const last = requests.at(-1)!;
    expect(value({ link: 'preset=api-get', of: 'event:request(from=browser)#last.end' })).toBe(last.t + last.durationMs);
    expect(value({ link: 'cache=fresh', of: 'event:response(from=edge,to=browser).headers.age' })).toMatch(/^\d+$/);
  });

  it('subtracts a second figure, from the same run or another', () => {
    const cold = run('conn=cold');
    expect(value({ link: 'conn=cold', of: 'latencyMs', minus: 'latencyMs', minusLink: 'preset=api-get' })).toBe(cold.outcome.latencyMs - healthy.outcome.latencyMs);
    expect(value({ link: 'preset=api-get', of: 'renderedAtMs', minus: 'latencyMs' })).toBe(healthy.outcome.renderedAtMs! - healthy.outcome.latencyMs);
  });

  it('refuses what it cannot read, saying why', () => {
    expect(error({ link: 'preset=api-get', of: 'speed' })).toMatch(/unknown figure “speed”/);
    expect(error({ link: 'preset=api-get', of: 'latency' })).toMatch(/not a single number or word/);
    expect(error({ link: 'db=sideways', of: 'latencyMs' })).toMatch(/has notices: db:/);
    expect(error({ link: 'preset=api-get', of: 'event:deadlock.t' })).toMatch(/no “deadlock” event occurs/);
    expect(error({ link: 'preset=api-get', of: 'event:db-query#5.t' })).toMatch(/1 matching “db-query” event\(s\), not 5/);
    expect(error({ link: 'preset=api-get', of: 'event:request(from=moon).t' })).toMatch(/from=<node>/);
    expect(error({ link: 'preset=api-get', of: 'event:request.colour' })).toMatch(/unknown event field/);
    expect(error({ link: 'preset=api-get', of: 'event:request.headers.x-nope' })).toMatch(/has no headers.x-nope/);
    expect(error({ link: 'preset=sqli-blocked', of: 'renderedAtMs' })).toMatch(/no value in this run/);
    expect(error({ link: 'preset=api-get', of: 'latencyMs', minusLink: 'conn=cold' })).toMatch(/minusLink needs minus/);
  });

  it('refuses a format that does not fit the figure', () => {
    expect(error({ link: 'preset=api-get', of: 'dbQueries', format: 's' })).toMatch(/for times in milliseconds/);
    expect(error({ link: 'preset=api-get', of: 'latencyMs', format: 'count' })).toMatch(/needs a unit/);
    expect(error({ link: 'preset=api-get', of: 'cache', format: 'word' })).toMatch(/not a number/);
    expect(error({ link: 'preset=api-get', of: 'latencyMs', format: 'hours' })).toMatch(/unknown format/);
  });
});

const lesson = (body: string) => `---\ntitle: T\n---\n\n<Sim preset="api-get" title="A" />\n\n${body}\n`;

describe('checkOutcomes', () => {
  it('passes figures that resolve', () => {
    expect(checkOutcomes(lesson('It takes <Outcome link="preset=api-get" of="latencyMs" /> and <Outcome link="db=slow" of="dbQueries" format="word" /> queries.'))).toEqual([]);
  });

  it('fails a figure that names nothing in its run, with the line it is on', () => {
    expect(checkOutcomes(lesson('It took <Outcome link="preset=api-get" of="event:timeout.t" />.'))).toEqual([
      'line 7: <Outcome link="preset=api-get" of="event:timeout.t">: no “timeout” event occurs in this run',
    ]);
    expect(checkOutcomes(lesson('<Outcome link="db=slow&retries=9" of="latencyMs" />'))[0]).toMatch(/has notices: retries:/);
  });

  it('fails tags it cannot read statically', () => {
    expect(checkOutcomes(lesson('<Outcome link="preset=api-get" of="latencyMs">x</Outcome>'))[0]).toMatch(/self-closing/);
    expect(checkOutcomes(lesson('<Outcome link="preset=api-get" of={"latencyMs"} />'))[0]).toMatch(/self-closing/);
    expect(checkOutcomes(lesson('<Outcome link="preset=api-get" />'))[0]).toMatch(/needs link and of/);
    expect(checkOutcomes(lesson('<Outcome link="preset=api-get" of="latencyMs" unit="ms" />'))[0]).toMatch(/unknown attribute\(s\) unit/);
  });

  it('fails a tag inside a backtick code span, which Markdown would print as text', () => {
    expect(checkOutcomes(lesson('Find `server: <Outcome link="preset=api-get" of="status" />` in the log.'))).toEqual([
      'line 7: <Outcome> inside `code` is printed as text; write <code>…<Outcome … /></code>',
    ]);
    expect(checkOutcomes(lesson('Find `server` and <code>x: <Outcome link="preset=api-get" of="status" /></code>, then `x-cache`.'))).toEqual([]);
  });

  it('ignores code blocks', () => {
    expect(checkOutcomes(lesson('```mdx\n<Outcome link="nope" />\n```'))).toEqual([]);
  });
});

describe('handTypedTimes', () => {
  const latency = healthy.outcome.latencyMs;

  it('flags a scenario’s end-to-end time typed by hand', () => {
    expect(handTypedTimes(lesson(`The browser has it after ${latency} ms.`))).toEqual([`line 7: “${latency} ms” is the latencyMs of “preset=api-get”; write it with <Outcome>`]);
    const slow = run('db=slow&cache=off').outcome.latencyMs;
    expect(handTypedTimes(lesson(`<Sim link="db=slow&cache=off" title="B" />\n\nIt waits ${(slow / 1000).toFixed(1)} s.`))).toHaveLength(1);
  });

  it('leaves assumed latencies, whole seconds and figures written with <Outcome> alone', () => {
    const text = `A 20 ms round trip, CloudFront's 30 s, and <Outcome link="preset=api-get" of="latencyMs" />.\n\n\`\`\`text\n${latency} ms\n\`\`\``;
    expect(handTypedTimes(lesson(text))).toEqual([]);
  });
});

describe('traffic figures in prose', () => {
  const SLOW = 'mode=traffic&rate=20&duration=30&cache=off&timeline=10:db-slow,20:db-ok';
  const traffic = runTrafficSync(decodeLink(SLOW).scenario);

  it('reads a traffic run’s figure, in a format that fits what it measures', () => {
    expect(resolveFigure({ link: SLOW, of: 'traffic:summary.calls.db' })).toEqual({ ok: true, figure: { value: traffic.summary.calls.db, unit: 'number' }, format: 'count' });
    expect(resolveFigure({ link: SLOW, of: 'traffic:summary.latency.p99' })).toMatchObject({ ok: true, format: 'duration' });
    expect(resolveFigure({ link: SLOW, of: 'traffic:summary.errorRate' })).toMatchObject({ ok: true, format: 'percent' });
    expect(error({ link: SLOW, of: 'traffic:summary.errorRate', format: 'count' })).toBe('');
    expect(error({ link: SLOW, of: 'traffic:summary.errorRate', format: 's' })).toMatch(/a share reads as a percentage/);
    expect(error({ link: SLOW, of: 'traffic:summary.calls.db', format: 'percent' })).toBe('');
    expect(error({ link: SLOW, of: 'traffic:summary.latency.p99', format: 'times' })).toMatch(/times is for a ratio/);
  });

  it('divides by a second figure, from the same run or another', () => {
    const { calls, requests } = traffic.summary;
    expect(resolveFigure({ link: SLOW, of: 'traffic:summary.calls.db', per: 'traffic:summary.requests', format: 'times' })).toEqual({
      ok: true,
      figure: { value: Math.round((calls.db / requests) * 10000) / 10000, unit: 'number' },
      format: 'times',
    });
    const quiet = runTrafficSync(decodeLink('mode=traffic&rate=20&duration=30&cache=off').scenario);
    expect(value({ link: SLOW, of: 'traffic:summary.calls.db', per: 'traffic:summary.calls.db', perLink: 'mode=traffic&rate=20&duration=30&cache=off' })).toBe(
      Math.round((calls.db / quiet.summary.calls.db) * 10000) / 10000,
    );
    expect(resolveFigure({ link: SLOW, of: 'traffic:summary.latency.mean', per: 'traffic:summary.requests' })).toMatchObject({ ok: true, figure: { unit: 'ms' } });
    expect(error({ link: SLOW, of: 'traffic:summary.requests', per: 'traffic:summary.latency.mean' })).toMatch(/cannot divide a number figure by a ms one/);
    expect(error({ link: SLOW, of: 'traffic:summary.requests', per: 'traffic:summary.breakerOpens' })).toMatch(/per: the figure to divide by is 0/);
    expect(error({ link: SLOW, of: 'traffic:summary.requests', perLink: SLOW })).toMatch(/perLink needs per/);
  });

  it('will not read a single request’s figure from a traffic run, nor the other way round', () => {
    expect(error({ link: SLOW, of: 'latencyMs' })).toMatch(/runs many requests \(mode traffic\): read its figures as traffic:summary/);
    expect(error({ link: 'db=slow', of: 'traffic:summary.requests' })).toMatch(/runs one request, not many/);
  });

  it('checks traffic figures in a lesson, and flags their counts, shares and latencies typed by hand', () => {
    expect(checkOutcomes(lesson(`<Outcome link="${SLOW}" of="traffic:summary.calls.db" per="traffic:summary.requests" format="times" />`))).toEqual([]);
    expect(checkOutcomes(lesson(`<Outcome link="${SLOW}" of="traffic:summary.callz" />`))[0]).toMatch(/summary has no “callz”/);
    const failover = 'preset=db-failover&rate=5&dbHa=cluster&duration=60';
    const failed = `${(runTrafficSync(decodeLink(failover).scenario).summary.errorRate * 100).toFixed(1)}%`;
    const calls = traffic.summary.calls.db.toLocaleString('en-US');
    const p99 = `${(traffic.summary.latency.p99 / 1000).toFixed(1)} s`;
    const body = `<TrafficSim link="${SLOW}" title="T" />\n\nThe app made ${calls} calls, the p99 was ${p99}, and in <Outcome link="${failover}" of="traffic:summary.requests" /> visits ${failed} failed. A 300 ms wait, 2,000 tokens and 50.0% are not the engine's.`;
    expect(handTypedTimes(lesson(body))).toEqual([
      `line 9: “${calls}” is the summary.calls.db of “${SLOW}”; write it with <Outcome>`,
      `line 9: “${p99}” is the summary.latency.p99 of “${SLOW}”; write it with <Outcome>`,
      `line 9: “${failed}” is the summary.errorRate of “${failover}”; write it with <Outcome>`,
    ]);
  });
});
