/**
 * The messages between the page and the traffic worker (traffic.worker.ts). Everything is plain data, copied by
 * structured clone: a scenario goes in, progress, results and errors come out. Every message carries the `id` of
 * the job it belongs to, so answers to a job the page has moved on from can be told apart and dropped.
 */
import type { Scenario } from '@/lib/scenario/schema';
import type { SimResult } from '@/lib/sim/types';
import type { TrafficProgress, TrafficResult } from '@/lib/traffic';

/** What the page asks: run a traffic scenario, stop a run, or replay one request of a run. */
export type ToWorker =
  | { type: 'run'; id: number; scenario: Scenario }
  | { type: 'cancel'; id: number }
  | { type: 'replay'; id: number; scenario: Scenario; requestId: string };

/**
 * What the worker answers. A run gives `progress` after each slice of work (with the series' stretches closed so
 * far), then `done`, `cancelled` or `error`; a replay gives `replayed` (null: the run never had that request) or
 * `error`.
 */
export type FromWorker =
  | { type: 'progress'; id: number; progress: TrafficProgress }
  | { type: 'done'; id: number; result: TrafficResult }
  | { type: 'cancelled'; id: number }
  | { type: 'replayed'; id: number; result: SimResult | null }
  | { type: 'error'; id: number; message: string };
