/**
 * The page's side of the traffic worker: one worker, started on first use, that runs one traffic scenario at a
 * time and replays requests. A new run stops the one going; a cancelled run's handlers hear nothing more from it.
 * React code uses it through `useTrafficRun`; tests hand it a fake worker.
 */
import type { Scenario } from '@/lib/scenario/schema';
import type { SimResult } from '@/lib/sim/types';
import type { TrafficProgress, TrafficResult } from '@/lib/traffic';
import type { FromWorker, ToWorker } from './protocol';

/** The part of a `Worker` the client uses. */
export interface WorkerLike {
  postMessage(message: ToWorker): void;
  onmessage: ((event: { data: FromWorker }) => void) | null;
  onerror: ((event: { message?: string }) => void) | null;
  terminate(): void;
}

/**
 * The traffic worker, bundled by Next's bundler (Turbopack, the default for `next build` in Next 16) from this
 * exact expression: `new Worker(new URL(…, import.meta.url))` is the form it recognises and emits as a chunk of its
 * own, so the engine loads only when a traffic run first starts.
 */
export function createTrafficWorker(): WorkerLike {
  return new Worker(new URL('./traffic.worker.ts', import.meta.url), { type: 'module' }) as unknown as WorkerLike;
}

/** What a run tells its caller. */
export interface RunHandlers {
  onProgress(progress: TrafficProgress): void;
  onDone(result: TrafficResult): void;
  onCancelled(): void;
  onError(message: string): void;
}

interface PendingReplay {
  resolve(result: SimResult | null): void;
  reject(error: Error): void;
}

export class TrafficWorkerClient {
  private worker: WorkerLike | null = null;
  private nextId = 1;
  private current: { id: number; handlers: RunHandlers } | null = null;
  private readonly replays = new Map<number, PendingReplay>();

  constructor(private readonly createWorker: () => WorkerLike = createTrafficWorker) {}

  /** Starts a run of a traffic scenario. A run still going is cancelled first: its handlers hear `onCancelled`. */
  run(scenario: Scenario, handlers: RunHandlers): void {
    this.cancel();
    const id = this.nextId++;
    this.current = { id, handlers };
    this.send({ type: 'run', id, scenario });
  }

  /** Stops the run going, if any: its handlers hear `onCancelled` now, and nothing after. */
  cancel(): void {
    const run = this.current;
    if (!run) return;
    this.current = null;
    this.worker?.postMessage({ type: 'cancel', id: run.id });
    run.handlers.onCancelled();
  }

  /**
   * Request `requestId` of the scenario's run as a single request's result; null if the run never had it. It
   * repeats the run up to that request's end (lib/traffic/replay.ts), and a run going waits meanwhile.
   */
  replay(scenario: Scenario, requestId: string): Promise<SimResult | null> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.replays.set(id, { resolve, reject });
      this.send({ type: 'replay', id, scenario, requestId });
    });
  }

  /** Stops the worker: a run going is cancelled, and replays waiting are rejected. */
  terminate(): void {
    this.cancel();
    this.fail(new Error('The traffic worker was stopped.'), false);
    this.worker?.terminate();
    this.worker = null;
  }

  private send(message: ToWorker): void {
    if (!this.worker) {
      const worker = (this.worker = this.createWorker());
      worker.onmessage = (event) => this.receive(event.data);
      // A worker that cannot load or throws outside a job is of no more use: the next job starts a new one.
      worker.onerror = (event) => {
        worker.terminate();
        if (this.worker === worker) this.worker = null;
        this.fail(new Error(`The traffic worker failed${event.message ? `: ${event.message}` : '.'}`), true);
      };
    }
    this.worker.postMessage(message);
  }

  /** Ends every job waiting: replays are rejected, and a run going fails too if `runToo`. */
  private fail(error: Error, runToo: boolean): void {
    for (const pending of this.replays.values()) pending.reject(error);
    this.replays.clear();
    const run = this.current;
    if (runToo && run) {
      this.current = null;
      run.handlers.onError(error.message);
    }
  }

  private receive(message: FromWorker): void {
    const replay = this.replays.get(message.id);
    if (replay) {
      this.replays.delete(message.id);
      if (message.type === 'replayed') replay.resolve(message.result);
      else if (message.type === 'error') replay.reject(new Error(message.message));
      return;
    }
    const run = this.current;
    // A message for a run the page has moved on from (cancelled, or replaced by a new one) is dropped.
    if (!run || run.id !== message.id) return;
    switch (message.type) {
      case 'progress':
        run.handlers.onProgress(message.progress);
        return;
      case 'done':
        this.current = null;
        run.handlers.onDone(message.result);
        return;
      case 'cancelled':
        this.current = null;
        run.handlers.onCancelled();
        return;
      case 'error':
        this.current = null;
        run.handlers.onError(message.message);
        return;
    }
  }
}
