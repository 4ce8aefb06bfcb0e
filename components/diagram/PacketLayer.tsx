'use client';

/**
 * Packets in flight, drawn in flow coordinates above the links. Positions come from the playback frame,
 * whose clock runs on animation frames (usePlaybackDriver); a packet grows in as it leaves (CSS, no JavaScript).
 * A packet shows its direction also when paused (PacketShape); it is a button that selects its event for
 * the inspector. Packets sharing a link step aside, away from the link's label, so none hides it.
 */
import { ViewportPortal } from '@xyflow/react';
import type { KeyboardEvent } from 'react';
import type { PacketInFlight } from '@/lib/playback/frame';
import { NODES } from '@/lib/sim';
import { useSandboxStore } from '@/components/sandbox/store-context';
import { direction, pointAlong, reversed } from './geometry';
import { placedLinkBetween, type DiagramLayout } from './layout';
import { PACKET_HIT_RADIUS, PACKET_RADIUS, PACKET_STYLE, PacketShape } from './PacketShape';

/** Packets sharing a link (an ACK riding with the first request) sit side by side, their targets apart. */
const SIDE_STEP = 2 * PACKET_HIT_RADIUS;

function onKey(event: KeyboardEvent, act: () => void) {
  if (event.key === 'Enter' || event.key === ' ') {
    event.preventDefault();
    act();
  }
}

export function PacketLayer({ packets, layout, selectedEvent }: { packets: PacketInFlight[]; layout: DiagramLayout; selectedEvent: number | null }) {
  const store = useSandboxStore();
  const perLink = new Map<string, number>();
  const select = (eventId: number) => {
    // Paused, the packet stays where it was clicked, and the address bar takes the selection.
    store.getState().pause();
    store.getState().select(`e${eventId}`);
  };
  return (
    <ViewportPortal>
      <svg role="group" aria-label="Packets in flight" className="pointer-events-none absolute top-0 left-0 overflow-visible" width={1} height={1}>
        {packets.map((packet) => {
          const placed = placedLinkBetween(layout, packet.segmentFrom, packet.segmentTo);
          if (!placed) return null;
          const index = perLink.get(placed.link.id) ?? 0;
          perLink.set(placed.link.id, index + 1);
          const segment = placed.link.a === packet.segmentFrom ? placed.segment : reversed(placed.segment);
          const point = pointAlong(segment, packet.progress);
          const away = placed.label.normal;
          const x = point.x - away.x * index * SIDE_STEP;
          const y = point.y - away.y * index * SIDE_STEP;
          const u = direction(segment);
          const angle = (Math.atan2(u.y, u.x) * 180) / Math.PI;
          const name = `${PACKET_STYLE[packet.kind].label} packet from ${NODES[packet.segmentFrom].label} to ${NODES[packet.segmentTo].label}`;
          const selected = selectedEvent === packet.eventId;
          return (
            <g
              key={packet.eventId}
              transform={`translate(${x} ${y})`}
              role="button"
              tabIndex={0}
              aria-label={name}
              aria-pressed={selected}
              className="nopan cursor-pointer"
              style={{ pointerEvents: 'all' }}
              onClick={() => select(packet.eventId)}
              onKeyDown={(event) => onKey(event, () => select(packet.eventId))}
            >
              <circle r={PACKET_HIT_RADIUS} fill="transparent" />
              {selected ? <circle r={PACKET_RADIUS + 5} fill="none" stroke="#8b5cf6" strokeWidth={3} /> : null}
              <g className="packet-enter">
                <PacketShape kind={packet.kind} angle={angle} />
              </g>
            </g>
          );
        })}
      </svg>
    </ViewportPortal>
  );
}
