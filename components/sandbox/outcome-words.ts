/** How the outcome's values read on screen, shared by the banner and the change summary. */
import { NODES, type CacheOutcome, type NodeId } from '@/lib/sim';

export const CACHE_WORDS: Readonly<Record<CacheOutcome, string>> = {
  hit: 'cache hit',
  miss: 'cache miss',
  stale: 'served stale',
  revalidated: 'revalidated (304)',
  bypass: 'not cached',
  error: 'cached error',
};

export function statusWords(status: number | null): string {
  return status === null ? 'no answer' : String(status);
}

export function nodeWords(node: NodeId | null): string {
  return node === null ? 'nobody' : NODES[node].label;
}
