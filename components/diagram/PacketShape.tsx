/**
 * What a packet looks like: each kind differs in shape as well as colour, and a white chevron (or the
 * DNS triangle's point) shows which way it travels. Shared by the packet layer and the legend.
 */
import type { LegKind } from '@/lib/sim';

/** Dark enough that the white chevron stands out (3:1 or more), and distinct from one another. */
export const PACKET_STYLE: Record<LegKind, { fill: string; label: string }> = {
  request: { fill: '#2563eb', label: 'Request' },
  response: { fill: '#047857', label: 'Response' },
  handshake: { fill: '#b45309', label: 'Handshake segment' },
  dns: { fill: '#7c3aed', label: 'DNS' },
  error: { fill: '#dc2626', label: 'Error' },
};

/** A packet's radius in flow units. */
export const PACKET_RADIUS = 11;
/** Its click target: 24 CSS px across or more at the smallest zoom (WCAG 2.2 target size). */
export const PACKET_HIT_RADIUS = 17;

const OCTAGON = Array.from({ length: 8 }, (_, i) => {
  const a = ((i + 0.5) * Math.PI) / 4;
  return `${(Math.cos(a) * PACKET_RADIUS).toFixed(2)},${(Math.sin(a) * PACKET_RADIUS).toFixed(2)}`;
}).join(' ');

function Chevron() {
  return <path d="M-3,-5 L3,0 L-3,5" fill="none" stroke="#fff" strokeWidth={2.5} strokeLinecap="round" strokeLinejoin="round" />;
}

/** A packet's shape pointing right (angle 0); the caller rotates it to its direction of travel. */
export function PacketShape({ kind, angle = 0 }: { kind: LegKind; angle?: number }) {
  const { fill } = PACKET_STYLE[kind];
  const r = PACKET_RADIUS;
  const outline = { stroke: '#fff', strokeWidth: 2 } as const;
  let body;
  switch (kind) {
    case 'request':
      body = <circle r={r} fill={fill} {...outline} />;
      break;
    case 'response':
      body = <rect x={-r + 1} y={-r + 1} width={2 * r - 2} height={2 * r - 2} rx={4} fill={fill} {...outline} />;
      break;
    case 'handshake':
      body = <rect x={-r * 0.75} y={-r * 0.75} width={r * 1.5} height={r * 1.5} transform="rotate(45)" fill={fill} {...outline} />;
      break;
    case 'dns':
      // The triangle points the way it goes; it needs no chevron.
      return <polygon points={`${r + 2},0 ${-r + 1},${-r + 1} ${-r + 1},${r - 1}`} transform={`rotate(${angle})`} fill={fill} {...outline} strokeLinejoin="round" />;
    case 'error':
      body = <polygon points={OCTAGON} fill={fill} {...outline} />;
      break;
  }
  return (
    <g>
      {body}
      <g transform={`rotate(${angle})`}>
        <Chevron />
      </g>
    </g>
  );
}
