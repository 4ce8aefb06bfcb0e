import { describe, expect, it } from 'vitest';
import { runScenario } from '@/lib/sim';
import { scenarioForPreset } from '@/lib/scenario/presets';
import { scenarioWith } from '@/lib/testing/scenario';
import { outcomeChanges } from './change-summary';

const runOf = (preset: string) => runScenario(scenarioForPreset(preset)!);

describe('what changed between two runs', () => {
  it('lists the time, the attempts and the retries when the database slows down', () => {
    const before = runOf('api-get');
    const after = runOf('db-timeout');
    const changes = outcomeChanges(before, after);
    expect(changes).toContainEqual({ kind: 'latency', before: before.outcome.latencyMs, after: after.outcome.latencyMs });
    expect(changes).toContainEqual({ kind: 'attempts', before: 1, after: after.outcome.attempts });
    expect(changes).toContainEqual({ kind: 'retries', before: 0, after: after.summary.retries });
    expect(changes.map((c) => c.kind).slice(0, 4)).toEqual(['status', 'latency', 'attempts', 'retries']);
  });

  it('names the cache and who answered when a fresh copy waits at the edge', () => {
    const changes = outcomeChanges(runOf('api-get'), runOf('cache-hit'));
    expect(changes).toContainEqual({ kind: 'cache', before: 'miss', after: 'hit' });
    expect(changes).toContainEqual({ kind: 'answeredBy', before: 'app', after: 'edge' });
    expect(changes.find((c) => c.kind === 'status')).toBeUndefined();
  });

  it('counts rows written and charges when a write is repeated', () => {
    const post = runScenario(scenarioWith({ request: { method: 'POST' } }));
    const naive = runScenario(scenarioWith({ request: { method: 'POST' }, db: { behaviour: 'slow' }, retry: { unsafe: true } }));
    const kinds = outcomeChanges(post, naive).map((c) => c.kind);
    expect(kinds).toContain('writes');
  });

  it('is empty when nothing a learner can see has changed', () => {
    expect(outcomeChanges(runOf('api-get'), runOf('api-get'))).toEqual([]);
  });
});
