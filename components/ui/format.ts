import { NODES, type SimEvent } from '@/lib/sim';

export { formatMs } from '@/lib/format-ms';

export function eventPlace(e: SimEvent): string {
  return e.from === e.to ? NODES[e.from].label : `${NODES[e.from].label} → ${NODES[e.to].label}`;
}

export function eventTransport(e: SimEvent): string {
  if (e.protocol === 'inline') return '';
  return e.port === null ? e.protocol : `${e.protocol} ${e.port}`;
}
