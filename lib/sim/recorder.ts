/**
 * Where a run's happenings go. Node code says what happened through `leg`, `work`, `note` and `span`
 * (lib/sim/context.ts); a recorder decides what to keep. The trace recorder keeps every event, with its words,
 * for the single-request view. The tally recorder keeps only what the outcome and summary need, and never
 * builds an event's words, so many requests cost counters, not strings.
 *
 * Narration may be written as a function: only a recorder that shows it calls it.
 */
import type { NodeId, SimEvent } from './types';

type Detail = NonNullable<SimEvent['detail']>;

/** What a recorder is told: an event without its id, its words and details possibly not yet written. */
export type Happening = Omit<SimEvent, 'id' | 'narration' | 'decision' | 'detail'> & {
  narration: string | (() => string);
  decision?: string | (() => string);
  detail?: Detail | (() => Detail);
};

export interface Recorder {
  /**
   * A recorder that keeps counts alone says so, and is told only when each happening ends (`counted`), so node
   * code builds no event for it at all: what many requests cost is then the work, not the bookkeeping.
   */
  readonly countsOnly: boolean;
  counted(endMs: number): void;
  record(happening: Happening): void;
  /** How many happenings were recorded. */
  readonly count: number;
  /** The latest moment any recorded work ended. */
  readonly endMs: number;
}

/** Keeps counts and paths only: no event, no narration. */
export class TallyRecorder implements Recorder {
  readonly countsOnly: boolean = false;
  count = 0;
  endMs = 0;

  counted(endMs: number): void {
    this.count += 1;
    this.endMs = Math.max(this.endMs, endMs);
  }
  private readonly paths = new Map<string, NodeId[]>();

  record(h: Happening): void {
    this.count += 1;
    this.endMs = Math.max(this.endMs, h.t + h.durationMs);
    if (!h.leg) return;
    let path = this.paths.get(h.requestId);
    if (!path) this.paths.set(h.requestId, (path = []));
    const touch = (node: NodeId) => {
      if (!path.includes(node)) path.push(node);
    };
    touch(h.from);
    for (const node of h.via ?? []) touch(node);
    touch(h.to);
  }

  /** The nodes a request's legs touched, in the order first reached. */
  hops(requestId: string): NodeId[] {
    return [...(this.paths.get(requestId) ?? [])];
  }
}

/** Keeps every event as well, narration written out: what the diagram, the log and the lessons read. */
export class TraceRecorder extends TallyRecorder {
  readonly events: SimEvent[] = [];

  override record(h: Happening): void {
    super.record(h);
    // Words written as functions are written out in place, so each event keeps its fields in the same order.
    const event = { id: this.events.length, ...h };
    if (typeof h.narration === 'function') event.narration = h.narration();
    if (typeof h.decision === 'function') event.decision = h.decision();
    if (typeof h.detail === 'function') event.detail = h.detail();
    this.events.push(event as SimEvent);
  }
}
