import { describe, expect, it } from 'vitest';
import { runScenario } from '@/lib/sim';
import { stepMoments } from '@/lib/playback/steps';
import { scenarioWith } from '@/lib/testing/scenario';
import { carryCursor, carrySelection, sameEvent } from './same-step';

describe('staying at the same step when a condition changes', () => {
  const before = runScenario(scenarioWith());
  const after = runScenario(scenarioWith({ tls: '1.2' }));
  const momentOf = (r: typeof before, e: (typeof before.events)[number]) => stepMoments(r.events)[e.id]!;
  const end = (r: typeof before) => Math.max(...stepMoments(r.events));

  it('finds the same event under its new number', () => {
    const response = before.events.filter((e) => e.kind === 'response' && e.from === 'edge' && e.to === 'browser')[0]!;
    const same = sameEvent(before.events, response, after.events)!;
    expect(same.kind).toBe('response');
    expect(same.id).toBe(response.id + 1);
  });

  it('tells repeated events apart by how many came before', () => {
    const second = before.events.filter((e) => e.kind === 'conn-reuse')[1]!;
    const same = sameEvent(before.events, second, after.events)!;
    expect(after.events.filter((e) => e.kind === 'conn-reuse' && e.id <= same.id)).toHaveLength(2);
  });

  it('keeps the start and the end, and moves to the step’s new moment in between', () => {
    expect(carryCursor(before, after, 0, end(before), end(after))).toBe(0);
    expect(carryCursor(before, after, end(before), end(before), end(after))).toBe(end(after));
    const query = before.events.find((e) => e.kind === 'db-query')!;
    const moved = after.events.find((e) => e.kind === 'db-query')!;
    expect(carryCursor(before, after, momentOf(before, query), end(before), end(after))).toBe(momentOf(after, moved));
  });

  it('follows a selected event, keeps a node or link, and drops an event that no longer happens', () => {
    const query = before.events.find((e) => e.kind === 'db-query')!;
    expect(carrySelection(before, after, `e${query.id}`)).toBe(`e${after.events.find((e) => e.kind === 'db-query')!.id}`);
    expect(carrySelection(before, after, 'edge')).toBe('edge');
    expect(carrySelection(before, after, 'link:app-db')).toBe('link:app-db');
    const hit = runScenario(scenarioWith({ cache: { state: 'fresh' } }));
    expect(carrySelection(before, hit, `e${query.id}`)).toBeNull();
  });
});
