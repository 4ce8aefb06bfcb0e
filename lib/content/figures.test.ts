import { describe, expect, it } from 'vitest';
import { runScenario } from '@/lib/sim';
import { decodeLink } from '@/lib/scenario/url-codec';
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
