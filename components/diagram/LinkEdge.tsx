'use client';

import { BaseEdge, EdgeLabelRenderer, type Edge, type EdgeProps } from '@xyflow/react';
import { memo } from 'react';
import type { LinkInfo } from '@/lib/sim';
import { segmentBetween, type Orientation } from './layout';

export type LinkEdgeData = { link: LinkInfo; orientation: Orientation; active: boolean; selected: boolean };
export type LinkEdgeType = Edge<LinkEdgeData, 'link'>;

/**
 * A link with its protocol and port. The label is text for the eye; pointer users select a link by
 * clicking it, and everyone can pick any link from the inspector's list (tiny buttons on a zoomed-out
 * diagram would be too small to hit).
 */
function LinkEdgeComponent({ id, data }: EdgeProps<LinkEdgeType>) {
  if (!data) return null;
  const { from, to } = segmentBetween(data.link.a, data.link.b, data.orientation);
  const path = `M ${from.x},${from.y} L ${to.x},${to.y}`;
  const mid = { x: (from.x + to.x) / 2, y: (from.y + to.y) / 2 };
  const stroke = data.selected ? '#7c3aed' : data.active ? '#2563eb' : '#64748b';
  return (
    <>
      <BaseEdge
        id={id}
        path={path}
        interactionWidth={16}
        style={{ stroke, strokeWidth: data.active || data.selected ? 3.5 : 1.75, strokeDasharray: data.link.protocol === 'inline' ? '4 4' : undefined }}
      />
      <EdgeLabelRenderer>
        <span
          aria-hidden="true"
          className={`absolute rounded border bg-white px-1 py-px font-mono text-[10px] leading-tight text-slate-800 dark:bg-slate-900 dark:text-slate-100 ${data.selected ? 'border-violet-600' : 'border-slate-300 dark:border-slate-600'}`}
          style={{ transform: `translate(-50%, -50%) translate(${mid.x}px, ${mid.y}px)` }}
        >
          {data.link.label}
        </span>
      </EdgeLabelRenderer>
    </>
  );
}

export const LinkEdge = memo(LinkEdgeComponent);
