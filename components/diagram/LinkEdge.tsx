'use client';

import { BaseEdge, EdgeLabelRenderer, type Edge, type EdgeProps } from '@xyflow/react';
import { memo } from 'react';
import type { LinkInfo } from '@/lib/sim';
import { useSandboxStore } from '@/components/sandbox/store-context';
import { segmentBetween, type Orientation } from './layout';

export type LinkEdgeData = { link: LinkInfo; orientation: Orientation; active: boolean; selected: boolean };
export type LinkEdgeType = Edge<LinkEdgeData, 'link'>;

function LinkEdgeComponent({ id, data }: EdgeProps<LinkEdgeType>) {
  const store = useSandboxStore();
  if (!data) return null;
  const { from, to } = segmentBetween(data.link.a, data.link.b, data.orientation);
  const path = `M ${from.x},${from.y} L ${to.x},${to.y}`;
  const mid = { x: (from.x + to.x) / 2, y: (from.y + to.y) / 2 };
  const stroke = data.selected ? '#7c3aed' : data.active ? '#2563eb' : '#64748b';
  const selection = `link:${data.link.id}`;
  return (
    <>
      <BaseEdge id={id} path={path} style={{ stroke, strokeWidth: data.active || data.selected ? 3.5 : 1.75, strokeDasharray: data.link.protocol === 'inline' ? '4 4' : undefined }} />
      <EdgeLabelRenderer>
        <button
          type="button"
          className="nopan absolute rounded border border-slate-300 bg-white px-1 py-px font-mono text-[10px] leading-tight text-slate-800 hover:border-violet-500 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100"
          style={{ transform: `translate(-50%, -50%) translate(${mid.x}px, ${mid.y}px)`, pointerEvents: 'all' }}
          aria-pressed={data.selected}
          aria-label={`Link ${data.link.a} to ${data.link.b}: ${data.link.label}. Show details.`}
          onClick={() => store.getState().select(data.selected ? null : selection)}
        >
          {data.link.label}
        </button>
      </EdgeLabelRenderer>
    </>
  );
}

export const LinkEdge = memo(LinkEdgeComponent);
