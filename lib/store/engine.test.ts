import { describe, expect, it, vi } from 'vitest';

/**
 * Fresh copies of the store's modules, without the engine the test setup hands over: as a page has them before
 * `loadEngine` has run.
 */
async function withoutEngine() {
  vi.resetModules();
  const derived = await import('./derived');
  const engine = await import('./engine');
  const store = await import('./sandbox-store');
  const { DEFAULT_SCENARIO } = await import('@/lib/scenario/defaults');
  const { runScenario } = await import('@/lib/sim/run');
  const { scenarioForPreset } = await import('@/lib/scenario/presets');
  return { ...derived, ...engine, ...store, DEFAULT_SCENARIO, runScenario, scenarioForPreset };
}

describe('the engine, loaded after the first view', () => {
  it('plays a primed first view with no engine, and holds a change until the engine has loaded', async () => {
    const m = await withoutEngine();
    const firstRun = m.runScenario(m.DEFAULT_SCENARIO);
    m.primeResult(m.DEFAULT_SCENARIO, firstRun);
    expect(m.isEngineLoaded()).toBe(false);

    const store = m.createSandboxStore();
    expect(m.resultOf(store.getState())).toBe(firstRun);
    store.getState().stepForward();
    expect(store.getState().step).toBe(0);

    const deadlock = m.scenarioForPreset('deadlock')!;
    expect(m.canRun(deadlock)).toBe(false);
    expect(() => m.resultFor(deadlock)).toThrow(/engine has not loaded/);
    store.getState().loadPreset('deadlock');
    // Nothing changes until the engine is here: no view ever renders a run that is not there.
    expect(store.getState().scenario).toBe(m.DEFAULT_SCENARIO);

    await m.loadEngine();
    expect(m.isEngineLoaded()).toBe(true);
    expect(store.getState()).toMatchObject({ scenario: deadlock, preset: 'deadlock', previous: m.DEFAULT_SCENARIO });
    expect(m.resultOf(store.getState())).toEqual(m.runScenario(deadlock));
  });

  it('shows changes made while the engine loads as pending, each built on the last, and applies them as one', async () => {
    const m = await withoutEngine();
    m.primeResult(m.DEFAULT_SCENARIO, m.runScenario(m.DEFAULT_SCENARIO));
    const store = m.createSandboxStore();
    store.getState().updateScenario((s) => ({ ...s, request: { ...s.request, method: 'POST' } }));
    store.getState().updateScenario((s) => ({ ...s, db: { ...s.db, behaviour: 'deadlock' } }));
    const { pending } = store.getState();
    expect(pending).toMatchObject({ request: { method: 'POST' }, db: { behaviour: 'deadlock' } });
    expect(store.getState().scenario).toBe(m.DEFAULT_SCENARIO);

    await m.loadEngine();
    // The run before the change is the first view, so what changed is said of both changes together.
    expect(store.getState()).toMatchObject({ scenario: pending, pending: null, previous: m.DEFAULT_SCENARIO });
    expect(m.resultOf(store.getState()).outcome.status).toBe(201);
  });
});
