/**
 * A focused view for a lesson's simulator: only the services its run reaches, so a narrow column shows
 * fewer, legible nodes rather than the whole topology shrunk.
 */
import { NODE_IDS, type NodeId, type SimResult } from '@/lib/sim';

const focused = new WeakMap<SimResult, NodeId[]>();

/** The browser and every node an event starts at, ends at or passes through, in topology order. */
export function nodesReached(result: SimResult): NodeId[] {
  let list = focused.get(result);
  if (!list) {
    const seen = new Set<NodeId>(['browser']);
    for (const e of result.events) for (const id of [e.from, e.to, ...(e.via ?? [])]) seen.add(id);
    list = NODE_IDS.filter((id) => seen.has(id));
    focused.set(result, list);
  }
  return list;
}
