/**
 * Loads the engine when a view first needs it, not with the page. Every view that shows a run waits for this before a
 * scenario the engine has not worked out becomes current: the sandbox's store gates its changes on it
 * (`sandbox-store.ts`), and the islands that start from a scenario of their own (lesson simulators, the landing demo)
 * load it with their code.
 */
let loading: Promise<void> | null = null;
let loaded = false;

/** The engine, loaded once; resolves when `resultFor` can work out any scenario. */
export function loadEngine(): Promise<void> {
  // Both imports are dynamic: a page whose islands only ask for the engine carries neither in its first load.
  loading ??= Promise.all([import('@/lib/sim/run'), import('./derived')]).then(([{ runScenario }, { engineLoaded }]) => {
    engineLoaded(runScenario);
    loaded = true;
  });
  return loading;
}

/** True once `loadEngine` has finished. */
export function isEngineLoaded(): boolean {
  return loaded;
}

/** A lazily loaded module together with the engine: for an island that starts from a scenario of its own. */
export function withEngine<T>(module: Promise<T>): Promise<T> {
  return Promise.all([module, loadEngine()]).then(([loadedModule]) => loadedModule);
}
