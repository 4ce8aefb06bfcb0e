'use client';

import { Controls, Position, ReactFlow, type EdgeTypes, type NodeTypes } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useMemo } from 'react';
import { frameAt, type Frame } from '@/lib/playback/frame';
import { links, NODE_IDS, NODES } from '@/lib/sim';
import type { DbEngine } from '@/lib/scenario/schema';
import { resultFor } from '@/lib/store/derived';
import { useFrame, useSandbox, useSandboxStore } from '@/components/sandbox/store-context';
import { useReducedMotion } from '@/components/sandbox/useReducedMotion';
import { useMediaQuery } from '@/components/ui/useMediaQuery';
import { InfraNode, type InfraNodeType } from './InfraNode';
import { LinkEdge, type LinkEdgeType } from './LinkEdge';
import { nodePosition, SECURITY_GROUPS, ZONES, zoneBox, type Orientation } from './layout';
import { PACKET_STYLE, PacketLayer, PacketShape } from './PacketLayer';
import { ZoneNode, type ZoneNodeType } from './ZoneNode';

// Module scope: a nodeTypes object recreated on every render makes React Flow remount every node.
const nodeTypes: NodeTypes = { infra: InfraNode, zone: ZoneNode };
const edgeTypes: EdgeTypes = { link: LinkEdge };

/** Node tones as one string, so the diagram re-renders when a tone changes, not on every animation frame. */
function toneKeyOf(frame: Frame): string {
  return NODE_IDS.map((id) => frame.nodes[id]).join(',');
}

/** The links carrying packets now, as one sorted string (same reason). */
function activeLinksOf(frame: Frame, engine: DbEngine): string {
  const ids = new Set<string>();
  for (const p of frame.packets) {
    const link = links(engine).find((l) => (l.a === p.segmentFrom && l.b === p.segmentTo) || (l.a === p.segmentTo && l.b === p.segmentFrom));
    if (link) ids.add(link.id);
  }
  return [...ids].sort().join(',');
}

/** Packets re-render every frame; keeping them in their own component spares the rest of the diagram. */
function Packets({ orientation }: { orientation: Orientation }) {
  const frame = useFrame();
  return <PacketLayer packets={frame.packets} orientation={orientation} />;
}

export function FlowDiagram({ compact = false }: { compact?: boolean }) {
  const narrow = useMediaQuery('(max-width: 639px)');
  const orientation: Orientation = narrow ? 'vertical' : 'horizontal';
  const store = useSandboxStore();
  const engine = useSandbox((s) => s.scenario.db.engine);
  const selection = useSandbox((s) => s.selection);
  const reduced = useReducedMotion();
  const toneKey = useSandbox((s) => toneKeyOf(frameAt(resultFor(s.scenario), s.cursor)));
  const activeLinks = useSandbox((s) => activeLinksOf(frameAt(resultFor(s.scenario), s.cursor), s.scenario.db.engine));
  const tones = toneKey.split(',');

  const nodes = useMemo(() => {
    const zones: ZoneNodeType[] = ZONES.map((zone) => {
      const box = zoneBox(zone, orientation);
      return {
        id: `zone-${zone.id}`,
        type: 'zone',
        position: { x: box.x, y: box.y },
        data: { label: zone.label, tone: zone.tone, width: box.width, height: box.height },
        draggable: false,
        selectable: false,
        focusable: false,
        zIndex: -1,
      };
    });
    const infra: InfraNodeType[] = NODE_IDS.map((id) => ({
      id,
      type: 'infra',
      position: nodePosition(id, orientation),
      sourcePosition: orientation === 'horizontal' ? Position.Right : Position.Bottom,
      targetPosition: orientation === 'horizontal' ? Position.Left : Position.Top,
      data: {
        nodeId: id,
        label: NODES[id].label,
        counterpart: NODES[id].counterpart,
        tone: tones[NODE_IDS.indexOf(id)] as InfraNodeType['data']['tone'],
        selected: selection === id,
        ...(SECURITY_GROUPS[id] ? { securityGroup: SECURITY_GROUPS[id] } : {}),
      },
      draggable: false,
      focusable: false,
    }));
    return [...zones, ...infra];
    // toneKey stands for the tones: nodes re-render only when a tone changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [orientation, toneKey, selection]);

  const edges = useMemo((): LinkEdgeType[] => {
    const active = new Set(activeLinks.split(','));
    return links(engine).map((link) => ({
      id: link.id,
      source: link.a,
      target: link.b,
      type: 'link',
      data: { link, orientation, active: active.has(link.id), selected: selection === `link:${link.id}` },
      focusable: false,
      selectable: false,
    }));
  }, [engine, orientation, activeLinks, selection]);

  return (
    <figure className="m-0">
      <div
        className={`${compact ? 'h-[340px]' : 'h-[560px] sm:h-[var(--diagram-height,460px)]'} w-full overflow-hidden rounded-xl border border-slate-200 bg-slate-50/40 dark:border-slate-800 dark:bg-slate-900/40`}
        role="group"
        aria-label="Diagram of the request's path. Each service and link is a button that shows its details."
      >
        <ReactFlow
          key={orientation}
          nodes={nodes}
          edges={edges}
          nodeTypes={nodeTypes}
          edgeTypes={edgeTypes}
          fitView
          fitViewOptions={{ padding: 0.06 }}
          minZoom={0.2}
          maxZoom={2}
          nodesDraggable={false}
          nodesConnectable={false}
          nodesFocusable={false}
          edgesFocusable={false}
          elementsSelectable={false}
          zoomOnScroll={false}
          preventScrolling={false}
          zoomOnDoubleClick={false}
          proOptions={{ hideAttribution: false }}
          onEdgeClick={(_, edge) => store.getState().select(selection === `link:${edge.id}` ? null : `link:${edge.id}`)}
        >
          {reduced ? null : <Packets orientation={orientation} />}
          <Controls showInteractive={false} position="top-right" />
        </ReactFlow>
      </div>
      <figcaption className="mt-2 flex flex-wrap items-center gap-x-4 gap-y-1 text-xs text-slate-700 dark:text-slate-300">
        {reduced ? (
          <span>Reduced motion: links in use are highlighted instead of moving packets.</span>
        ) : (
          (Object.keys(PACKET_STYLE) as (keyof typeof PACKET_STYLE)[]).map((kind) => (
            <span key={kind} className="inline-flex items-center gap-1.5">
              <svg width="18" height="18" viewBox="-9 -9 18 18" aria-hidden="true">
                <PacketShape kind={kind} />
              </svg>
              {PACKET_STYLE[kind].label}
            </span>
          ))
        )}
      </figcaption>
    </figure>
  );
}
