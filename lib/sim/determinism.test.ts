import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import type { Scenario } from '@/lib/scenario/schema';
import { decodeLink } from '@/lib/scenario/url-codec';
import { singleRunArbitrary } from '@/lib/testing/arbitraries';
import { references } from '@/lib/testing/reference-traces';
import { scenarioWith } from '@/lib/testing/scenario';
import { links } from './topology';
import { runScenario } from './run';
import type { SimEvent, SimResult } from './types';

describe('runScenario over random scenarios', () => {
  it('gives byte-identical JSON for the same scenario (seed 20261126)', () => {
    fc.assert(
      fc.property(singleRunArbitrary, (scenario) => {
        expect(JSON.stringify(runScenario(scenario))).toBe(JSON.stringify(runScenario(structuredClone(scenario))));
      }),
      { seed: 20261126, numRuns: 150 },
    );
  });

  it('keeps events in time order, on drawn links, and always ends with an answer (seed 7)', () => {
    fc.assert(
      fc.property(singleRunArbitrary, (scenario) => {
        const result = runScenario(scenario);
        const drawn = new Set(links(scenario.db.engine).flatMap((l) => [`${l.a}>${l.b}`, `${l.b}>${l.a}`]));
        result.events.forEach((event, index) => expect(event.id).toBe(index));
        result.events.slice(1).forEach((event, index) => expect(event.t).toBeGreaterThanOrEqual(result.events[index]!.t));
        for (const event of result.events.filter((e) => e.leg && e.from !== e.to)) {
          const path = [event.from, ...(event.via ?? []), event.to];
          for (let i = 1; i < path.length; i++) expect(drawn.has(`${path[i - 1]}>${path[i]}`), `${path[i - 1]}>${path[i]}`).toBe(true);
        }
        // The browser always hears back: at worst CloudFront's own 504 after its origin timeout.
        expect(result.outcome.status).not.toBeNull();
        expect(result.outcome.attempts).toBeGreaterThanOrEqual(1);
        expect(result.outcome.attempts).toBeLessThanOrEqual(scenario.retry.attempts);
      }),
      { seed: 7, numRuns: 150 },
    );
  });
});

describe('runs share no state', () => {
  // Every preset and reference link, then random scenarios: state left behind by one would show in another.
  const batch: Scenario[] = [...references().map((r) => r.scenario), ...fc.sample(singleRunArbitrary, { seed: 11, numRuns: 40 })];
  const distractors: Scenario[] = fc.sample(singleRunArbitrary, { seed: 12, numRuns: batch.length });

  /** The engine from a freshly evaluated module graph, so module-level state starts over. */
  async function freshEngine(): Promise<typeof runScenario> {
    vi.resetModules();
    return (await import('./run')).runScenario;
  }

  it('gives the same JSON forwards, backwards, interleaved with other runs, and from a fresh module', async () => {
    const forwardsEngine = await freshEngine();
    const backwardsEngine = await freshEngine();
    expect(forwardsEngine).not.toBe(backwardsEngine);

    const forwards = batch.map((s) => JSON.stringify(forwardsEngine(s)));
    const backwards = [...batch].reverse().map((s) => JSON.stringify(backwardsEngine(s))).reverse();
    // The forwards engine again, now with every run of the batch behind it, and another run before each.
    const interleaved = batch.map((s, i) => {
      forwardsEngine(distractors[i]!);
      return JSON.stringify(forwardsEngine(s));
    });
    const imported = batch.map((s) => JSON.stringify(runScenario(s)));

    batch.forEach((_, i) => {
      expect(backwards[i], `scenario ${i} backwards`).toBe(forwards[i]);
      expect(interleaved[i], `scenario ${i} interleaved`).toBe(forwards[i]);
      expect(imported[i], `scenario ${i} in this module`).toBe(forwards[i]);
    });
  });

  it('gives the same JSON in a separate process, in another time zone and locale', async () => {
    const root = fileURLToPath(new URL('../../', import.meta.url));
    const run = promisify(execFile);
    // Dates in headers, seeded ids, jittered waits and stale-if-error between them.
    const linksToRun = ['cache=fresh', 'db=slow', 'cache=stale&db=down'];
    const outputs = await Promise.all(
      linksToRun.map((link) =>
        run(`${root}node_modules/.bin/tsx`, ['scripts/sim.ts', link], { cwd: root, env: { ...process.env, TZ: 'Pacific/Chatham', LC_ALL: 'de_DE.UTF-8', LANG: 'de_DE.UTF-8' } }),
      ),
    );
    linksToRun.forEach((link, i) => {
      expect(outputs[i]!.stdout, link).toBe(`${JSON.stringify(runScenario(decodeLink(link).scenario), null, 2)}\n`);
    });
  }, 120_000); // Three tsx processes start cold; on a busy 2-core machine that alone can take half a minute.
});

describe('the seed', () => {
  // Ids the edge stamps on its headers are hashes of the seed: a different seed must give different ids.
  const SEEDED_HEADERS = ['via', 'x-amz-cf-id', 'x-amzn-trace-id'];

  function withoutSeededIds(event: SimEvent): SimEvent {
    if (!event.headers) return event;
    const headers = Object.fromEntries(Object.entries(event.headers).filter(([name]) => !SEEDED_HEADERS.includes(name)));
    return { ...event, headers };
  }

  // A retry wait's length is the drawn number, and its wording quotes it.
  const DRAWN_FIELDS = ['durationMs', 'waitMs', 'decision', 'narration', 'detail'];

  /** An event without its time and, for a retry wait, without what was drawn. */
  function timeless(event: SimEvent): Record<string, unknown> {
    const drawn = (key: string) => key === 't' || (event.kind === 'retry-wait' && DRAWN_FIELDS.includes(key));
    return Object.fromEntries(Object.entries(withoutSeededIds(event)).filter(([key]) => !drawn(key)));
  }

  // A refused connection fails at once, so no abandoned work runs on its own clock beside the retries.
  const retried = { thirdParty: { behaviour: 'down' as const }, cache: { state: 'off' as const }, retry: { layers: ['thirdparty' as const] } };
  const waitsOf = (result: SimResult) => result.events.filter((e) => e.kind === 'retry-wait').map((e) => e.waitMs!);

  it('changes the jittered waits, and every later time by exactly the difference, and nothing else', () => {
    const one = runScenario(scenarioWith({ ...retried, seed: 1 }));
    const two = runScenario(scenarioWith({ ...retried, seed: 2 }));
    expect(waitsOf(one)).toHaveLength(2);
    expect(waitsOf(two)).not.toEqual(waitsOf(one));

    // Each event moves by the sum of the wait differences that came before it.
    const shifts = one.events.map((_, i) => {
      const before = one.events.slice(0, i).filter((e) => e.kind === 'retry-wait').map((e) => e.id);
      return before.reduce((sum, id) => sum + two.events[id]!.waitMs! - one.events[id]!.waitMs!, 0);
    });
    expect(two.events.map((e) => e.t)).toEqual(one.events.map((e, i) => e.t + shifts[i]!));
    expect(two.events.map(timeless)).toEqual(one.events.map(timeless));
    expect(two.outcome).toEqual({ ...one.outcome, latencyMs: one.outcome.latencyMs + shifts.at(-1)!, workEndedAtMs: one.outcome.workEndedAtMs + shifts.at(-1)! });
  });

  it.each([
    ['no retry happens', {}],
    ['the waits have no jitter', { ...retried, retry: { ...retried.retry, jitter: 'none' as const } }],
  ])('changes nothing but the seeded ids when %s', (_case, changes) => {
    const one = runScenario(scenarioWith({ ...changes, seed: 1 }));
    const two = runScenario(scenarioWith({ ...changes, seed: 2 }));
    expect(two.events.map(withoutSeededIds)).toEqual(one.events.map(withoutSeededIds));
    expect(two.outcome).toEqual(one.outcome);
    expect(two.events.find((e) => e.headers?.['x-amz-cf-id'])?.headers).not.toEqual(one.events.find((e) => e.headers?.['x-amz-cf-id'])?.headers);
  });

  it('draws the waits from their own stream, so stamping another id never moves a retry', () => {
    // An Idempotency-Key on a GET adds one id to the run and changes nothing the servers do with a read.
    for (const seed of [1, 2, 3]) {
      const plain = runScenario(scenarioWith({ ...retried, seed }));
      const keyed = runScenario(scenarioWith({ ...retried, seed, request: { idempotencyKey: true } }));
      expect(keyed.events.some((e) => e.headers?.['idempotency-key'])).toBe(true);
      expect(waitsOf(keyed)).toEqual(waitsOf(plain));
      expect(keyed.outcome).toEqual(plain.outcome);
    }
  });
});

