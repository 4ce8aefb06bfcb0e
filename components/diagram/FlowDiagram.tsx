'use client';

import { ControlButton, Controls, Position, ReactFlow, type EdgeTypes, type NodeTypes, type Viewport } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useMemo, useState } from 'react';
import { frameAt, type Frame } from '@/lib/playback/frame';
import { NODE_IDS, NODES, type NodeId } from '@/lib/sim';
import { resultOf } from '@/lib/store/derived';
import { parseSelection } from '@/lib/store/selection';
import { useFrame, useResult, useSandbox, useSandboxStore } from '@/components/sandbox/store-context';
import { useReducedMotion } from '@/components/sandbox/useReducedMotion';
import { CAPTION_GAP, CONTROL_STRIP, DiagramFrame, FRAME_BORDERS } from './DiagramFrame';
import { fitDiagram, layoutsFor, ZOOM_FLOOR, type DiagramSize, type Fit } from './fit';
import { nodesReached } from './focus';
import { InfraNode, type InfraNodeType } from './InfraNode';
import { placedLinkBetween, type DiagramLayout } from './layout';
import { LinkEdge, type LinkEdgeType } from './LinkEdge';
import { PacketLayer } from './PacketLayer';
import { StaticDrawings } from './StaticDrawings';
import { useElementSize } from './useElementSize';
import { ZoneNode, type ZoneNodeType } from './ZoneNode';
import { securityGroupTag } from './zones';

// Module scope: a nodeTypes object recreated on every render makes React Flow remount every node.
const nodeTypes: NodeTypes = { infra: InfraNode, zone: ZoneNode };
const edgeTypes: EdgeTypes = { link: LinkEdge };

/** Node tones as one string, so the diagram re-renders when a tone changes, not on every animation frame. */
function toneKeyOf(frame: Frame): string {
  return NODE_IDS.map((id) => frame.nodes[id]).join(',');
}

/** The links carrying packets now, as one sorted string (same reason). */
function activeLinksOf(frame: Frame, layout: DiagramLayout): string {
  const ids = new Set<string>();
  for (const p of frame.packets) {
    const placed = placedLinkBetween(layout, p.segmentFrom, p.segmentTo);
    if (placed) ids.add(placed.link.id);
  }
  return [...ids].sort().join(',');
}

/** Packets re-render every frame; keeping them in their own component spares the rest of the diagram. */
function Packets({ layout, selectedEvent }: { layout: DiagramLayout; selectedEvent: number | null }) {
  const frame = useFrame();
  return <PacketLayer packets={frame.packets} layout={layout} selectedEvent={selectedEvent} />;
}

/** Which way links leave a node in a layout, for React Flow's handles (ours are hidden). */
function handleSides(layout: DiagramLayout) {
  return layout.name === 'narrow' ? { sourcePosition: Position.Bottom, targetPosition: Position.Top } : { sourcePosition: Position.Right, targetPosition: Position.Left };
}

function Pane({ fit, size }: { fit: Fit; size: DiagramSize }) {
  const store = useSandboxStore();
  const { layout } = fit;
  const selection = useSandbox((s) => s.selection);
  const reduced = useReducedMotion();
  const toneKey = useSandbox((s) => toneKeyOf(frameAt(resultOf(s), s.cursor)));
  const activeLinks = useSandbox((s) => activeLinksOf(frameAt(resultOf(s), s.cursor), layout));
  const selected = parseSelection(selection);

  const nodes = useMemo(() => {
    const tones = toneKey.split(',');
    const zones: ZoneNodeType[] = layout.zones.map(({ zone, box }) => ({
      id: `zone-${zone.id}`,
      type: 'zone',
      position: { x: box.x, y: box.y },
      data: { title: zone.title, kind: zone.kind, width: box.width, height: box.height },
      width: box.width,
      height: box.height,
      draggable: false,
      selectable: false,
      focusable: false,
      zIndex: -1,
    }));
    const infra: InfraNodeType[] = (Object.entries(layout.nodes) as [NodeId, DiagramLayout['bounds']][]).map(([id, box]) => {
      const securityGroup = securityGroupTag(id);
      return {
        id,
        type: 'infra',
        position: { x: box.x, y: box.y },
        width: box.width,
        height: box.height,
        ...handleSides(layout),
        data: {
          nodeId: id,
          label: NODES[id].label,
          counterpart: NODES[id].counterpart,
          tone: tones[NODE_IDS.indexOf(id)] as InfraNodeType['data']['tone'],
          selected: selection === id,
          ...(securityGroup ? { securityGroup } : {}),
        },
        draggable: false,
        focusable: false,
        // React Flow turns pointer events off on nodes it cannot select or drag; ours are buttons.
        style: { pointerEvents: 'all' },
      };
    });
    return [...zones, ...infra];
  }, [layout, toneKey, selection]);

  const edges = useMemo((): LinkEdgeType[] => {
    const active = new Set(activeLinks.split(','));
    return layout.links.map((placed) => ({
      id: placed.link.id,
      source: placed.link.a,
      target: placed.link.b,
      type: 'link',
      data: { placed, active: active.has(placed.link.id), selected: selection === `link:${placed.link.id}` },
      focusable: false,
      selectable: false,
    }));
  }, [layout, activeLinks, selection]);

  // The layout's fit until the learner zooms or pans; a new fit (another width, layout or view) resets it.
  const fitKey = `${layout.name}:${fit.zoom}:${fit.x}:${Object.keys(layout.nodes).join()}`;
  const fitted = useMemo((): Viewport => ({ x: fit.x, y: fit.y, zoom: fit.zoom }), [fit.x, fit.y, fit.zoom]);
  const [moved, setMoved] = useState<{ key: string; viewport: Viewport } | null>(null);
  const viewport = moved?.key === fitKey ? moved.viewport : fitted;
  const zoomedIn = viewport.zoom > fit.zoom + 1e-3;

  return (
    <ReactFlow
      nodes={nodes}
      edges={edges}
      nodeTypes={nodeTypes}
      edgeTypes={edgeTypes}
      viewport={viewport}
      onViewportChange={(next) => setMoved({ key: fitKey, viewport: next })}
      minZoom={ZOOM_FLOOR[size]}
      maxZoom={2}
      // Pan only when there is something off-screen: otherwise a finger on the diagram scrolls the page.
      panOnDrag={fit.overflows || zoomedIn}
      panOnScroll={fit.overflows}
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
      {reduced ? null : <Packets layout={layout} selectedEvent={selected?.type === 'event' ? selected.id : null} />}
      <Controls showInteractive={false} showFitView={false} orientation="horizontal" position="bottom-left">
        <ControlButton onClick={() => setMoved(null)} title="Fit the diagram" aria-label="Fit the diagram">
          <svg viewBox="0 0 16 16" aria-hidden="true">
            <path d="M1 5V1h4M11 1h4v4M15 11v4h-4M5 15H1v-4" fill="none" stroke="currentColor" strokeWidth={2} />
          </svg>
        </ControlButton>
      </Controls>
    </ReactFlow>
  );
}

/**
 * The interactive diagram. It lays itself out for its container's width (wide, medium or narrow) at a
 * zoom where every title is legible, and is as tall as the drawing. A compact one (a lesson's simulator,
 * the landing demo) shows only the services its run reaches, unless the learner asks for all of them.
 * `maxHeight` is the height the page gives the whole figure (the sandbox's stage, which must fit one
 * window): the drawing shrinks towards the legibility floor to fit it, and pans beyond that.
 */
export function FlowDiagram({ compact = false, maxHeight = Infinity }: { compact?: boolean; maxHeight?: number }) {
  const size: DiagramSize = compact ? 'compact' : 'full';
  const engine = useSandbox((s) => s.scenario.db.engine);
  const result = useResult();
  const reduced = useReducedMotion();
  const [showAll, setShowAll] = useState(false);
  const reached = nodesReached(result);
  const focused = compact && !showAll && reached.length < NODE_IDS.length;
  // nodesReached keeps one list per run, so this is the same array until the run or the choice changes.
  const visible = focused ? reached : NODE_IDS;
  const layouts = useMemo(() => layoutsFor(visible, engine), [visible, engine]);
  // Measured after the browser's own layout, not by forcing one as React Flow mounts: the static drawing stands in
  // until then, and React Flow's first render is a transition that React renders in slices.
  const [paneRef, { width }] = useElementSize<HTMLDivElement>({ measureOnMount: false });
  const [captionRef, { height: captionHeight }] = useElementSize<HTMLElement>({ measureOnMount: false });
  // What the figure's other parts leave for the drawing.
  const room = maxHeight - FRAME_BORDERS - CONTROL_STRIP - CAPTION_GAP - captionHeight;
  const fit = width > 0 ? fitDiagram(layouts, width, size, room) : null;

  const caption = (
    <>
      {reduced ? <p className="m-0 text-xs text-slate-700 dark:text-slate-300">Reduced motion: links in use are highlighted instead of moving packets.</p> : null}
      {compact && reached.length < NODE_IDS.length ? (
        <p className="m-0 text-xs text-slate-700 dark:text-slate-300">
          {showAll ? `All ${NODE_IDS.length} services. ` : `The ${reached.length} services this run reaches. `}
          <button type="button" className="text-blue-700 underline dark:text-blue-300" onClick={() => setShowAll(!showAll)}>
            {showAll ? 'Show only those this run reaches' : `Show all ${NODE_IDS.length}`}
          </button>
        </p>
      ) : null}
    </>
  );

  return (
    <DiagramFrame paneRef={paneRef} captionRef={captionRef} height={fit ? Math.min(fit.height, room) : undefined} caption={caption}>
      {fit ? (
        <Pane fit={fit} size={size} />
      ) : (
        <>
          <StaticDrawings size={size} visible={visible} />
          <p className="sr-only" role="status">
            Loading the interactive diagram…
          </p>
        </>
      )}
    </DiagramFrame>
  );
}
