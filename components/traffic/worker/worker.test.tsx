// @vitest-environment jsdom
/**
 * The traffic worker's two halves: what it does with each message (the handler, driven here without a worker), and
 * the hook's states with a fake worker the test answers for, then with the real handler behind a worker-like shim.
 */
import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Scenario } from '@/lib/scenario/schema';
import { replayAsResult, runTrafficSync, type TrafficProgress, type TrafficResult } from '@/lib/traffic';
import { scenarioWith } from '@/lib/testing/scenario';
import type { WorkerLike } from './client';
import { createTrafficHandler } from './handler';
import type { FromWorker, ToWorker } from './protocol';
import { useTrafficRun } from './useTrafficRun';

const small = scenarioWith({ mode: 'traffic', request: { kind: 'mix' }, traffic: { rate: 300, durationS: 20 } });
const long = scenarioWith({ mode: 'traffic', request: { kind: 'mix' }, traffic: { rate: 500, durationS: 600 } });

/** Runs the handler on messages, collecting what it posts. */
function handlerWithLog() {
  const posted: FromWorker[] = [];
  const handle = createTrafficHandler((message) => posted.push(message));
  return { posted, handle };
}

describe('the worker, message by message', () => {
  it('runs a scenario: progress with the series so far, then the result, as the engine gives it', async () => {
    const { posted, handle } = handlerWithLog();
    await handle({ type: 'run', id: 7, scenario: small });
    const progress = posted.filter((m) => m.type === 'progress');
    expect(progress.length).toBeGreaterThan(1);
    expect(posted.every((m) => m.id === 7)).toBe(true);
    const done = posted.at(-1)!;
    expect(done.type).toBe('done');
    const result = (done as { result: TrafficResult }).result;
    expect(result).toEqual(runTrafficSync(small));
    // The series only grows, and each report's stretches are the result's first ones.
    const last = (progress.at(-1) as { progress: TrafficProgress }).progress;
    expect(last.series).toEqual(result.series.slice(0, last.series.length));
    expect(last.series.length).toBeGreaterThan(0);
  });

  it('stops a run at its next slice when a cancel arrives in a pause, and says so', async () => {
    const posted: FromWorker[] = [];
    // The cancel is queued as a message would be, as soon as the first report goes out: the run sees it in its pause.
    const handle = createTrafficHandler((message) => {
      posted.push(message);
      if (message.type === 'progress' && posted.length === 1) setTimeout(() => void handle({ type: 'cancel', id: 1 }), 0);
    });
    await handle({ type: 'run', id: 1, scenario: long });
    // A run of 300,000 requests reports a few hundred times; this one stops after the first pause, or (Node orders a
    // timer and a port's message as it likes) the one after.
    const types = posted.map((m) => m.type);
    expect(types.at(-1)).toBe('cancelled');
    expect(types.slice(0, -1).every((type) => type === 'progress')).toBe(true);
    expect(types.length).toBeLessThanOrEqual(3);
  });

  it('replays one request as a single request, null for one the run never had', async () => {
    const { posted, handle } = handlerWithLog();
    await handle({ type: 'replay', id: 3, scenario: small, requestId: 't40' });
    await handle({ type: 'replay', id: 4, scenario: small, requestId: 't9999999' });
    expect(posted).toEqual([
      { type: 'replayed', id: 3, result: replayAsResult(small, 't40') },
      { type: 'replayed', id: 4, result: null },
    ]);
    expect((posted[0] as { result: { events: unknown[] } }).result.events.length).toBeGreaterThan(0);
  });

  it('answers a scenario that is not a traffic run with an error that says so', async () => {
    const { posted, handle } = handlerWithLog();
    const single = scenarioWith({});
    await handle({ type: 'run', id: 5, scenario: single });
    await handle({ type: 'replay', id: 6, scenario: single, requestId: 't1' });
    expect(posted).toEqual([
      { type: 'error', id: 5, message: 'This scenario is a single run, not a traffic run: set mode=traffic.' },
      { type: 'error', id: 6, message: 'This scenario is a single run, not a traffic run: set mode=traffic.' },
    ]);
  });
});

/** A worker the test speaks for: it keeps what the page posts, and the test answers. */
class FakeWorker implements WorkerLike {
  static made: FakeWorker[] = [];
  posted: ToWorker[] = [];
  terminated = false;
  onmessage: ((event: { data: FromWorker }) => void) | null = null;
  onerror: ((event: { message?: string }) => void) | null = null;

  constructor() {
    FakeWorker.made.push(this);
  }

  postMessage(message: ToWorker): void {
    this.posted.push(message);
  }

  terminate(): void {
    this.terminated = true;
  }

  answer(message: FromWorker): void {
    act(() => this.onmessage!({ data: message }));
  }
}

function fakeHook() {
  FakeWorker.made = [];
  const hook = renderHook(() => useTrafficRun(() => new FakeWorker()));
  return { hook, worker: () => FakeWorker.made.at(-1)! };
}

const point = runTrafficSync(small).series[0]!;
const progress = (simulatedMs: number, series = [point]): TrafficProgress => ({ simulatedMs, durationMs: 20_000, requests: 100, bucketS: 1, series });
const result = { bucketS: 1, series: [point, point] } as unknown as TrafficResult;

describe('useTrafficRun', () => {
  it('starts no worker until asked, and goes running → progress → done', () => {
    const { hook, worker } = fakeHook();
    expect(FakeWorker.made).toHaveLength(0);
    expect(hook.result.current).toMatchObject({ status: 'idle', progress: null, series: [], result: null, error: null });
    act(() => hook.result.current.start(small));
    expect(worker().posted).toEqual([{ type: 'run', id: 1, scenario: small }]);
    expect(hook.result.current).toMatchObject({ status: 'running', progress: { fraction: 0, simulatedS: 0, durationS: 20, requests: 0 }, series: [] });
    worker().answer({ type: 'progress', id: 1, progress: progress(5000) });
    expect(hook.result.current).toMatchObject({ status: 'running', progress: { fraction: 0.25, simulatedS: 5, durationS: 20, requests: 100 }, series: [point], bucketS: 1 });
    worker().answer({ type: 'done', id: 1, result });
    expect(hook.result.current).toMatchObject({ status: 'done', progress: { fraction: 1, simulatedS: 20 }, series: [point, point], result });
    expect(FakeWorker.made).toHaveLength(1);
  });

  it('cancels: tells the worker, keeps the series so far, and ignores what the run still sends', () => {
    const { hook, worker } = fakeHook();
    act(() => hook.result.current.start(small));
    worker().answer({ type: 'progress', id: 1, progress: progress(5000) });
    act(() => hook.result.current.cancel());
    expect(worker().posted.at(-1)).toEqual({ type: 'cancel', id: 1 });
    expect(hook.result.current).toMatchObject({ status: 'cancelled', series: [point] });
    worker().answer({ type: 'progress', id: 1, progress: progress(6000, [point, point]) });
    worker().answer({ type: 'cancelled', id: 1 });
    expect(hook.result.current).toMatchObject({ status: 'cancelled', progress: { simulatedS: 5 }, series: [point] });
  });

  it('a new start cancels the run going, and only the new run is heard', () => {
    const { hook, worker } = fakeHook();
    act(() => hook.result.current.start(small));
    act(() => hook.result.current.start(long));
    expect(worker().posted).toEqual([
      { type: 'run', id: 1, scenario: small },
      { type: 'cancel', id: 1 },
      { type: 'run', id: 2, scenario: long },
    ]);
    expect(hook.result.current).toMatchObject({ status: 'running', progress: { durationS: 600 } });
    worker().answer({ type: 'done', id: 1, result });
    expect(hook.result.current.status).toBe('running');
    worker().answer({ type: 'progress', id: 2, progress: progress(1000) });
    expect(hook.result.current.series).toEqual([point]);
  });

  it("shows the worker's error, and a worker that fails to load as one", () => {
    const { hook, worker } = fakeHook();
    act(() => hook.result.current.start(small));
    worker().answer({ type: 'error', id: 1, message: 'The traffic run failed: out of memory' });
    expect(hook.result.current).toMatchObject({ status: 'error', error: 'The traffic run failed: out of memory' });
    act(() => hook.result.current.start(small));
    expect(hook.result.current.status).toBe('running');
    act(() => worker().onerror!({ message: 'Failed to fetch' }));
    expect(hook.result.current).toMatchObject({ status: 'error', error: 'The traffic worker failed: Failed to fetch' });
    expect(worker().terminated).toBe(true);
    // The next start has a new worker.
    act(() => hook.result.current.start(small));
    expect(FakeWorker.made).toHaveLength(2);
  });

  it('replays through the worker, and stops it on unmount', async () => {
    const { hook, worker } = fakeHook();
    let replayed: Promise<unknown> = Promise.resolve();
    act(() => {
      replayed = hook.result.current.replay(small, 't40');
    });
    expect(worker().posted).toEqual([{ type: 'replay', id: 1, scenario: small, requestId: 't40' }]);
    const single = replayAsResult(small, 't40');
    worker().answer({ type: 'replayed', id: 1, result: single });
    await expect(replayed).resolves.toEqual(single);
    act(() => {
      replayed = hook.result.current.replay(small, 't41');
    });
    hook.unmount();
    expect(worker().terminated).toBe(true);
    await expect(replayed).rejects.toThrow('The traffic worker was stopped.');
  });
});

/** The real handler behind a worker's shape: messages cross as copies, one task later, as they would. */
class InProcessWorker implements WorkerLike {
  onmessage: ((event: { data: FromWorker }) => void) | null = null;
  onerror: ((event: { message?: string }) => void) | null = null;
  private readonly handle = createTrafficHandler((message) => setTimeout(() => this.onmessage?.({ data: structuredClone(message) }), 0));
  postMessage(message: ToWorker): void {
    const copy = structuredClone(message);
    setTimeout(() => void this.handle(copy), 0);
  }
  terminate(): void {}
}

describe('useTrafficRun with the engine behind it', () => {
  it("runs a scenario to the engine's result, and replays a stretch's slowest request", async () => {
    const scenario: Scenario = small;
    const hook = renderHook(() => useTrafficRun(() => new InProcessWorker()));
    act(() => hook.result.current.start(scenario));
    await waitFor(() => expect(hook.result.current.status).toBe('done'), { timeout: 30_000 });
    const expected = runTrafficSync(scenario);
    expect(hook.result.current.result).toEqual(expected);
    const id = expected.series[5]!.slowestId!;
    const single = await hook.result.current.replay(scenario, id);
    expect(single).toEqual(replayAsResult(scenario, id));
    expect(single!.outcome.latencyMs).toBe(expected.series[5]!.slowestMs);
    hook.unmount();
  });
});
