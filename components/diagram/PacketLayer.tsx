'use client';

/**
 * Packets in flight, drawn in flow coordinates above the links. Positions come from the playback frame,
 * whose clock motion animates (usePlaybackDriver); a packet fades in as it leaves (CSS, no JavaScript cost).
 * Requests, responses, handshake segments, DNS and errors differ in shape as well as colour.
 */
import { ViewportPortal } from '@xyflow/react';
import type { PacketInFlight } from '@/lib/playback/frame';
import type { LegKind } from '@/lib/sim';
import { pointAlong, segmentBetween, type Orientation } from './layout';

export const PACKET_STYLE: Record<LegKind, { fill: string; label: string }> = {
  request: { fill: '#2563eb', label: 'Request' },
  response: { fill: '#059669', label: 'Response' },
  handshake: { fill: '#d97706', label: 'Handshake segment' },
  dns: { fill: '#7c3aed', label: 'DNS' },
  error: { fill: '#dc2626', label: 'Error' },
};

export function PacketShape({ kind }: { kind: LegKind }) {
  const { fill } = PACKET_STYLE[kind];
  switch (kind) {
    case 'request':
      return <circle r={7} fill={fill} stroke="#fff" strokeWidth={2} />;
    case 'response':
      return <rect x={-7} y={-7} width={14} height={14} rx={3} fill={fill} stroke="#fff" strokeWidth={2} />;
    case 'handshake':
      return <rect x={-5} y={-5} width={10} height={10} transform="rotate(45)" fill={fill} stroke="#fff" strokeWidth={1.5} />;
    case 'dns':
      return <polygon points="0,-8 7,5 -7,5" fill={fill} stroke="#fff" strokeWidth={1.5} />;
    case 'error':
      return (
        <g>
          <circle r={8} fill={fill} stroke="#fff" strokeWidth={2} />
          <path d="M-3,-3 L3,3 M3,-3 L-3,3" stroke="#fff" strokeWidth={2} />
        </g>
      );
  }
}

export function PacketLayer({ packets, orientation }: { packets: PacketInFlight[]; orientation: Orientation }) {
  // Packets sharing a segment (an ACK riding with the first request) sit side by side.
  const perSegment = new Map<string, number>();
  return (
    <ViewportPortal>
      <svg aria-hidden="true" className="pointer-events-none absolute top-0 left-0 overflow-visible" width={1} height={1}>
          {packets.map((packet) => {
            const key = [packet.segmentFrom, packet.segmentTo].sort().join('-');
            const index = perSegment.get(key) ?? 0;
            perSegment.set(key, index + 1);
            const segment = segmentBetween(packet.segmentFrom, packet.segmentTo, orientation);
            const point = pointAlong(segment, packet.progress);
            const dx = segment.to.x - segment.from.x;
            const dy = segment.to.y - segment.from.y;
            const length = Math.hypot(dx, dy) || 1;
            const offset = index * 12;
            const x = point.x + (-dy / length) * offset;
            const y = point.y + (dx / length) * offset;
            return (
              <g key={packet.eventId} transform={`translate(${x} ${y})`}>
                <g className="packet-enter">
                  <PacketShape kind={packet.kind} />
                </g>
              </g>
            );
          })}
      </svg>
    </ViewportPortal>
  );
}
