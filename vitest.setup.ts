import { engineLoaded } from '@/lib/store/derived';
import { runScenario } from '@/lib/sim/run';

// The site loads the engine when a view first needs it (lib/store/engine.ts); tests have it from the start.
engineLoaded(runScenario);

// jsdom has no ResizeObserver, which React Flow needs to measure nodes.
if (typeof globalThis.window !== 'undefined' && !('ResizeObserver' in globalThis)) {
  class ResizeObserverStub {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  }
  (globalThis as unknown as { ResizeObserver: typeof ResizeObserverStub }).ResizeObserver = ResizeObserverStub;
}
