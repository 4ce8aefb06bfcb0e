import { describe, expect, it } from 'vitest';
import { stepMoments } from '@/lib/playback/steps';
import { frameAt } from '@/lib/playback/frame';
import { decodeLink } from '@/lib/scenario/url-codec';
import { replayAsResult } from '@/lib/traffic';
import { momentsFor, replayOf, resultFor, resultOf, timelineFor } from './derived';
import { createSandboxStore, linkFor, stageOf } from './sandbox-store';

describe('the sandbox store', () => {
  it('steps forward and back one event at a time, pausing playback', () => {
    const store = createSandboxStore();
    const moments = momentsFor(resultFor(store.getState().scenario));
    // The default run opens with the DNS query: its step shows the packet halfway to the resolver.
    const halfway = store.getState().scenario.latency.dnsRttMs / 4;
    expect(moments[0]).toBe(halfway);
    store.getState().play();
    store.getState().stepForward();
    expect(store.getState().playing).toBe(false);
    expect(store.getState()).toMatchObject({ cursor: halfway, step: 0 });
    store.getState().stepForward();
    expect(store.getState()).toMatchObject({ cursor: moments[1], step: 1 });
    store.getState().stepBack();
    expect(store.getState()).toMatchObject({ cursor: halfway, step: 0 });
    store.getState().stepBack();
    expect(store.getState()).toMatchObject({ cursor: 0, step: null });
  });

  it('counts every step of a slow run up by one, then lands on the end of the work', () => {
    const store = createSandboxStore();
    store.getState().applyLink(decodeLink('db=slow&cache=off'));
    const { events, outcome } = resultFor(store.getState().scenario);
    for (let i = 0; i < events.length; i++) {
      store.getState().stepForward();
      expect(frameAt(resultFor(store.getState().scenario), store.getState().cursor, store.getState().step).currentEventId).toBe(i);
    }
    store.getState().stepForward();
    expect(store.getState()).toMatchObject({ cursor: outcome.workEndedAtMs, step: null });
  });

  it('forgets the step when the cursor is moved any other way', () => {
    const store = createSandboxStore();
    store.getState().stepForward();
    store.getState().seek(store.getState().cursor + 1);
    expect(store.getState().step).toBeNull();
  });

  it('writes the cursor to the link in whole or one-decimal milliseconds after playback pauses', () => {
    const store = createSandboxStore();
    store.getState().play();
    store.getState().seek(34.717);
    store.getState().pause();
    expect(store.getState().cursor).toBe(34.7);
    expect(new URLSearchParams(linkFor(store.getState())).get('t')).toBe('34.7');
    store.getState().seek(123.456);
    expect(new URLSearchParams(linkFor(store.getState())).get('t')).toBe('123.5');
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
    expect(state.cursor).toBe(stepMoments(resultFor(state.scenario).events)[moved.id]);
    expect(state.step).toBe(moved.id);
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
    store.getState().applyLink(decodeLink('cache=stale'));
    expect(store.getState().previous).toBeNull();
  });

  it('applies a link and writes the same link back', () => {
    const store = createSandboxStore();
    store.getState().applyLink(decodeLink('?cache=stale&db=slow&t=182&sel=edge&v=1'));
    const state = store.getState();
    expect(state.scenario.cache.state).toBe('stale');
    expect(state.cursor).toBe(182);
    expect(state.selection).toBe('edge');
    expect(state.notices).toEqual([]);
    expect(decodeLink(linkFor(state))).toEqual(decodeLink('cache=stale&db=slow&t=182&sel=edge&v=1'));
  });

  it('drops a selected event that does not exist in the run, with a notice', () => {
    const store = createSandboxStore();
    store.getState().applyLink(decodeLink('sel=e99999'));
    expect(store.getState().selection).toBeNull();
    expect(store.getState().notices[0]?.param).toBe('sel');
  });

  it('clamps a cursor past the end of the run', () => {
    const store = createSandboxStore();
    store.getState().applyLink(decodeLink('t=999999999'));
    expect(store.getState().cursor).toBe(timelineFor(resultFor(store.getState().scenario)).totalSimMs);
  });

  it('jumps to an event: it becomes the caption’s step and is selected', () => {
    const store = createSandboxStore();
    const result = resultFor(store.getState().scenario);
    store.getState().jumpToEvent(5);
    expect(store.getState()).toMatchObject({ cursor: momentsFor(result)[5], step: 5, selection: 'e5' });
  });

  it('restores a picked event from a link even when others share its moment', () => {
    const store = createSandboxStore();
    store.getState().applyLink(decodeLink('db=slow&cache=off'));
    const result = resultFor(store.getState().scenario);
    const moments = momentsFor(result);
    // The app's retry, its pool checkout and its connection reuse all happen at one instant.
    const retry = result.events.find((e) => e.kind === 'retry')!;
    expect(moments.filter((m) => m === moments[retry.id]).length).toBeGreaterThan(1);
    store.getState().jumpToEvent(retry.id);
    const other = createSandboxStore();
    other.getState().applyLink(decodeLink(linkFor(store.getState())));
    expect(other.getState().step).toBe(retry.id);
    expect(frameAt(result, other.getState().cursor, other.getState().step).currentEventId).toBe(retry.id);
  });

  it('runs a backoff-study link or preset as one request, as it runs a traffic link', () => {
    const fromLink = createSandboxStore();
    fromLink.getState().applyLink(decodeLink('preset=backoff-study&jitter=equal'));
    const fromMenu = createSandboxStore();
    fromMenu.getState().loadPreset('backoff-study');
    for (const store of [fromLink, fromMenu]) {
      const { scenario, notices } = store.getState();
      expect([scenario.mode, notices]).toEqual(['backoff-study', []]);
      expect(resultFor(scenario).outcome).toEqual(resultFor({ ...scenario, mode: 'single' }).outcome);
      expect(resultFor(scenario).outcome.status).toBe(200);
    }
  });
});

describe('a request drilled into from a traffic run', () => {
  const traffic = 'mode=traffic&duration=5&rate=20';
  /** What the traffic Worker does in the page: replays the request and hands it to the store. */
  const settle = (store: ReturnType<typeof createSandboxStore>) => {
    const { scenario, request } = store.getState();
    store.getState().settleReplay(scenario, request!, replayAsResult(scenario, request!));
  };

  it('waits for its replay, then plays that request, keeps it in the link, and goes back to the charts', () => {
    const store = createSandboxStore();
    store.getState().applyLink(decodeLink(traffic));
    expect(stageOf(store.getState())).toBe('traffic');
    store.getState().drill('t3');
    expect(stageOf(store.getState())).toBe('replaying');
    expect(linkFor(store.getState())).toContain('req=t3');
    settle(store);
    const state = store.getState();
    expect(stageOf(state)).toBe('request');
    expect(resultOf(state)).toBe(replayOf(state.scenario, 't3'));
    expect(resultOf(state)).not.toBe(resultFor(state.scenario));
    expect(linkFor(state)).toContain('req=t3');
    store.getState().drill(null);
    expect(linkFor(store.getState())).not.toContain('req=');
  });

  it('restores it from a link, keeping the link’s moment until the replay can check it', () => {
    const store = createSandboxStore();
    store.getState().applyLink(decodeLink(`${traffic}&req=t2&t=5&sel=edge`));
    expect(store.getState()).toMatchObject({ request: 't2', cursor: 5, selection: 'edge' });
    expect(linkFor(store.getState())).toContain('t=5');
    settle(store);
    expect(store.getState()).toMatchObject({ request: 't2', cursor: 5, selection: 'edge', notices: [] });
    expect(stageOf(store.getState())).toBe('request');
    // The replay is kept with the run: back to the charts and into the same request again needs no wait.
    store.getState().drill(null);
    store.getState().drill('t2');
    expect(stageOf(store.getState())).toBe('request');
  });

  it('says so, and shows the charts, when the run never had that request', () => {
    const store = createSandboxStore();
    store.getState().applyLink(decodeLink(`${traffic}&req=t999999&t=5`));
    settle(store);
    expect(store.getState()).toMatchObject({ request: null, cursor: 0 });
    expect(store.getState().notices).toEqual([{ param: 'req', message: 'This traffic run has no request t999999, so its charts are shown.' }]);
    expect(stageOf(store.getState())).toBe('traffic');
  });

  it('checks the link’s moment against the replay: a time past its end is clamped, a missing selection dropped', () => {
    const store = createSandboxStore();
    store.getState().applyLink(decodeLink(`${traffic}&req=t3&t=99999999&sel=e99999`));
    expect(store.getState()).toMatchObject({ cursor: 99999999, selection: 'e99999' });
    settle(store);
    const state = store.getState();
    expect(state.cursor).toBe(timelineFor(resultOf(state)).totalSimMs);
    expect(state.selection).toBeNull();
    expect(state.notices).toEqual([{ param: 'sel', message: '“e99999” is not part of this scenario, so nothing is selected.' }]);
  });

  it('restores a linked step of the replayed request once the replay is here', () => {
    const store = createSandboxStore();
    store.getState().applyLink(decodeLink(traffic));
    store.getState().drill('t3');
    settle(store);
    store.getState().stepForward();
    store.getState().stepForward();
    const { step } = store.getState();
    expect(step).not.toBeNull();
    store.getState().jumpToEvent(step!);
    const link = linkFor(store.getState());
    expect(link).toContain(`sel=e${step}`);

    const other = createSandboxStore();
    other.getState().applyLink(decodeLink(link));
    expect(other.getState().step).toBeNull();
    settle(other);
    expect(other.getState()).toMatchObject({ step, selection: `e${step}`, notices: [] });
  });

  it('takes no request from a link that is not a traffic run, however it was built', () => {
    const store = createSandboxStore();
    const decoded = decodeLink('db=slow');
    store.getState().applyLink({ ...decoded, view: { ...decoded.view, req: 't3' } });
    expect(store.getState().request).toBeNull();
    expect(stageOf(store.getState())).toBe('request');
  });

  it('keeps a replay that arrives after the conditions changed, without acting on it', () => {
    const store = createSandboxStore();
    store.getState().applyLink(decodeLink(`${traffic}&req=t4`));
    const { scenario } = store.getState();
    store.getState().updateScenario((s) => ({ ...s, traffic: { ...s.traffic, rate: 30 } }));
    store.getState().settleReplay(scenario, 't4', replayAsResult(scenario, 't4'));
    expect(store.getState()).toMatchObject({ request: null, notices: [] });
    expect(replayOf(scenario, 't4')).not.toBeUndefined();
  });

  it('keeps a replay that arrives after the learner moved on, without acting on it', () => {
    const store = createSandboxStore();
    store.getState().applyLink(decodeLink(`${traffic}&req=t4`));
    const { scenario } = store.getState();
    store.getState().drill(null);
    store.getState().settleReplay(scenario, 't4', replayAsResult(scenario, 't4'));
    expect(store.getState().request).toBeNull();
    expect(replayOf(scenario, 't4')).not.toBeUndefined();
  });

  it('lets go of it when the conditions change, since a new run numbers its requests afresh', () => {
    const store = createSandboxStore();
    store.getState().applyLink(decodeLink(`${traffic}&req=t2`));
    store.getState().updateScenario((s) => ({ ...s, traffic: { ...s.traffic, rate: 30 } }));
    expect(store.getState().request).toBeNull();
    expect(stageOf(store.getState())).toBe('traffic');
  });

  it('is refused outside a traffic run', () => {
    const store = createSandboxStore();
    store.getState().drill('t1');
    expect(store.getState().request).toBeNull();
  });
});
