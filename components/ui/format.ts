import { NODES, type SimEvent } from '@/lib/sim';

/** Milliseconds as people read them: 0.5 ms, 356 ms, 4.21 s. */
export function formatMs(ms: number): string {
  if (ms < 10) return `${Math.round(ms * 10) / 10} ms`;
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}

export function eventPlace(e: SimEvent): string {
  return e.from === e.to ? NODES[e.from].label : `${NODES[e.from].label} → ${NODES[e.to].label}`;
}

export function eventTransport(e: SimEvent): string {
  if (e.protocol === 'inline') return '';
  return e.port === null ? e.protocol : `${e.protocol} ${e.port}`;
}
