/**
 * What the inspector can show: a node, a drawn link, or one event. Encoded in links as
 * `edge`, `link:app-db`, `e12`.
 */
import { links, NODE_IDS, type NodeId, type SimResult } from '@/lib/sim';
import type { DbEngine } from '@/lib/scenario/schema';

export type Selection = { type: 'node'; id: NodeId } | { type: 'link'; id: string } | { type: 'event'; id: number };

export function parseSelection(sel: string | null): Selection | null {
  if (!sel) return null;
  if ((NODE_IDS as readonly string[]).includes(sel)) return { type: 'node', id: sel as NodeId };
  if (sel.startsWith('link:')) return { type: 'link', id: sel.slice(5) };
  const event = /^e(\d+)$/.exec(sel);
  if (event) return { type: 'event', id: Number(event[1]) };
  return null;
}

export function formatSelection(selection: Selection): string {
  switch (selection.type) {
    case 'node':
      return selection.id;
    case 'link':
      return `link:${selection.id}`;
    case 'event':
      return `e${selection.id}`;
  }
}

/** Whether a selection names something that exists in this run. */
export function selectionExists(sel: string, result: SimResult, engine: DbEngine): boolean {
  const selection = parseSelection(sel);
  if (!selection) return false;
  switch (selection.type) {
    case 'node':
      return true;
    case 'link':
      return links(engine).some((l) => l.id === selection.id);
    case 'event':
      return selection.id >= 0 && selection.id < result.events.length;
  }
}
