import { describe, expect, it } from 'vitest';
import { decodeLink } from '@/lib/scenario/url-codec';
import { momentsFor, resultFor, timelineFor } from './derived';
import { createSandboxStore, linkFor } from './sandbox-store';

describe('the sandbox store', () => {
  it('steps forward and back through event ends, pausing playback', () => {
    const store = createSandboxStore();
    const moments = momentsFor(resultFor(store.getState().scenario));
    // The default run opens with the DNS query, which reaches the resolver after half the DNS round trip.
    const queryArrives = store.getState().scenario.latency.dnsRttMs / 2;
    expect(moments[0]).toBe(queryArrives);
    store.getState().play();
    store.getState().stepForward();
    expect(store.getState().playing).toBe(false);
    expect(store.getState().cursor).toBe(queryArrives);
    store.getState().stepForward();
    expect(store.getState().cursor).toBe(moments[1]);
    store.getState().stepBack();
    expect(store.getState().cursor).toBe(queryArrives);
  });

  it('starts again when play is pressed at the end', () => {
    const store = createSandboxStore();
    store.getState().toEnd();
    expect(store.getState().cursor).toBe(timelineFor(resultFor(store.getState().scenario)).totalSimMs);
    store.getState().play();
    expect(store.getState().cursor).toBe(0);
    expect(store.getState().playing).toBe(true);
  });

  it('keeps every store separate', () => {
    const a = createSandboxStore();
    const b = createSandboxStore();
    a.getState().loadPreset('cache-hit');
    expect(b.getState().scenario.cache.state).toBe('empty');
  });

  it('keeps the cursor at the same step when a cause changes, and remembers the conditions before', () => {
    const store = createSandboxStore();
    const before = store.getState().scenario;
    const query = resultFor(before).events.find((e) => e.kind === 'db-query')!;
    store.getState().jumpToEvent(query.id);
    // TLS 1.2 adds a round trip before the query: its number and its moment move, but it is the same step.
    store.getState().updateScenario((s) => ({ ...s, tls: '1.2' }));
    const state = store.getState();
    const moved = resultFor(state.scenario).events.find((e) => e.kind === 'db-query')!;
    expect(moved.id).not.toBe(query.id);
    expect(state.cursor).toBe(moved.t + moved.durationMs);
    expect(state.selection).toBe(`e${moved.id}`);
    expect(state.previous).toBe(before);
  });

  it('keeps the end at the end, and goes back to the start when the step no longer happens', () => {
    const store = createSandboxStore();
    store.getState().toEnd();
    store.getState().updateScenario((s) => ({ ...s, db: { ...s.db, behaviour: 'slow' } }));
    expect(store.getState().cursor).toBe(timelineFor(resultFor(store.getState().scenario)).totalSimMs);
    expect(store.getState().scenario.db.behaviour).toBe('slow');

    const query = resultFor(store.getState().scenario).events.find((e) => e.kind === 'db-query')!;
    store.getState().jumpToEvent(query.id);
    // A fresh copy at the edge: the database is never asked.
    store.getState().updateScenario((s) => ({ ...s, cache: { ...s.cache, state: 'fresh' } }));
    expect(store.getState().cursor).toBe(0);
    expect(store.getState().selection).toBeNull();
  });

  it('forgets the previous conditions when a link is applied', () => {
    const store = createSandboxStore();
    store.getState().loadPreset('db-timeout');
    expect(store.getState().previous).not.toBeNull();
    store.getState().applyLink('cache=stale');
    expect(store.getState().previous).toBeNull();
  });

  it('applies a link and writes the same link back', () => {
    const store = createSandboxStore();
    store.getState().applyLink('?cache=stale&db=slow&t=182&sel=edge&v=1');
    const state = store.getState();
    expect(state.scenario.cache.state).toBe('stale');
    expect(state.cursor).toBe(182);
    expect(state.selection).toBe('edge');
    expect(state.notices).toEqual([]);
    expect(decodeLink(linkFor(state))).toEqual(decodeLink('cache=stale&db=slow&t=182&sel=edge&v=1'));
  });

  it('drops a selected event that does not exist in the run, with a notice', () => {
    const store = createSandboxStore();
    store.getState().applyLink('sel=e99999');
    expect(store.getState().selection).toBeNull();
    expect(store.getState().notices[0]?.param).toBe('sel');
  });

  it('clamps a cursor past the end of the run', () => {
    const store = createSandboxStore();
    store.getState().applyLink('t=999999999');
    expect(store.getState().cursor).toBe(timelineFor(resultFor(store.getState().scenario)).totalSimMs);
  });

  it('jumps to an event: the cursor lands on its end and it is selected', () => {
    const store = createSandboxStore();
    const event = resultFor(store.getState().scenario).events[5]!;
    store.getState().jumpToEvent(5);
    expect(store.getState().cursor).toBe(event.t + event.durationMs);
    expect(store.getState().selection).toBe('e5');
  });
});
