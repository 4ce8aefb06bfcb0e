/**
 * What the traffic worker does with each message, apart from the worker's global scope so tests can drive it.
 * A run goes through `runTraffic`, which yields to the host between slices of work (lib/traffic/yield.ts): a cancel
 * message is handled in one of those pauses and aborts the run's signal, and the run stops at its next slice. A
 * replay runs at once, to its end: while it does, a run in progress waits.
 */
import type { Scenario } from '@/lib/scenario/schema';
import { replayAsResult, runTraffic } from '@/lib/traffic';
import type { FromWorker, ToWorker } from './protocol';

/** Why a scenario cannot run as traffic, or null. */
function notTraffic(scenario: Scenario): string | null {
  return scenario.mode === 'traffic' ? null : `This scenario is a ${scenario.mode} run, not a traffic run: set mode=traffic.`;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Returns the function to call with each message the worker receives; `post` sends an answer back. */
export function createTrafficHandler(post: (message: FromWorker) => void): (message: ToWorker) => Promise<void> {
  const running = new Map<number, AbortController>();
  return async (message) => {
    switch (message.type) {
      case 'cancel':
        running.get(message.id)?.abort();
        return;
      case 'replay': {
        const { id, scenario, requestId } = message;
        const wrong = notTraffic(scenario);
        if (wrong) return post({ type: 'error', id, message: wrong });
        try {
          post({ type: 'replayed', id, result: replayAsResult(scenario, requestId) });
        } catch (error) {
          post({ type: 'error', id, message: `The replay of ${requestId} failed: ${messageOf(error)}` });
        }
        return;
      }
      case 'run': {
        const { id, scenario } = message;
        const wrong = notTraffic(scenario);
        if (wrong) return post({ type: 'error', id, message: wrong });
        const controller = new AbortController();
        running.set(id, controller);
        try {
          const result = await runTraffic(scenario, { signal: controller.signal, onProgress: (progress) => post({ type: 'progress', id, progress }) });
          post({ type: 'done', id, result });
        } catch (error) {
          if (controller.signal.aborted) post({ type: 'cancelled', id });
          else post({ type: 'error', id, message: `The traffic run failed: ${messageOf(error)}` });
        } finally {
          running.delete(id);
        }
        return;
      }
    }
  };
}
