/**
 * What the drawing of the topology at rest (StaticDrawings, the sandbox's first view) shows, so that the sandbox
 * knows when the run has left it and the interactive diagram must take over (LazyFlowDiagram). Kept apart from the
 * drawing itself: the sandbox asks this on every update, and has the drawing only as markup (StaticDiagram).
 */
import type { Frame } from '@/lib/playback/frame';
import type { DbEngine } from '@/lib/scenario/schema';
import { NODE_IDS } from '@/lib/sim';

/** The database the drawing labels its link with (a run on another engine shows the interactive diagram). */
export const STATIC_DB_ENGINE: DbEngine = 'postgres';

/** What the static drawing shows: every service idle, no packet in flight. */
export function frameAtRest(frame: Frame): boolean {
  return frame.packets.length === 0 && NODE_IDS.every((id) => frame.nodes[id] === 'idle');
}
