'use client';

import { BaseEdge, EdgeLabelRenderer, type Edge, type EdgeProps } from '@xyflow/react';
import { memo } from 'react';
import { NODES } from '@/lib/sim';
import { useSandboxStore } from '@/components/sandbox/store-context';
import { center } from './geometry';
import type { PlacedLink } from './layout';
import { LABEL_MIN_HEIGHT, LABEL_PAD_X, LABEL_PAD_Y } from './link-label';
import { FONT, LINE_HEIGHT } from './typography';

export type LinkEdgeData = { placed: PlacedLink; active: boolean; selected: boolean };
export type LinkEdgeType = Edge<LinkEdgeData, 'link'>;

/** Mid-tones that read on the light and the dark page alike. */
const STROKE = { idle: '#64748b', active: '#3b82f6', selected: '#8b5cf6' } as const;

/**
 * A link with its protocol and port. The line is drawn where the layout put it; the label beside it is a
 * button, so a link can be selected by pointer, touch or keyboard (clicking the line works too).
 */
function LinkEdgeComponent({ id, data }: EdgeProps<LinkEdgeType>) {
  const store = useSandboxStore();
  if (!data) return null;
  const { link, segment, label } = data.placed;
  const path = `M ${segment.from.x},${segment.from.y} L ${segment.to.x},${segment.to.y}`;
  const stroke = data.selected ? STROKE.selected : data.active ? STROKE.active : STROKE.idle;
  const middle = center(label.box);
  const selection = `link:${link.id}`;
  return (
    <>
      <BaseEdge
        id={id}
        path={path}
        interactionWidth={18}
        style={{ stroke, strokeWidth: data.active || data.selected ? 3.5 : 2, strokeDasharray: link.protocol === 'inline' ? '5 4' : undefined }}
      />
      <EdgeLabelRenderer>
        <button
          type="button"
          data-link={link.id}
          aria-label={`Link ${NODES[link.a].label} – ${NODES[link.b].label}: ${link.label}`}
          aria-pressed={data.selected}
          onClick={() => store.getState().select(data.selected ? null : selection)}
          className={`nopan absolute flex cursor-pointer flex-col justify-center rounded border bg-white text-left font-mono whitespace-nowrap text-slate-800 dark:bg-slate-900 dark:text-slate-100 ${
            data.selected ? 'border-violet-600 outline-2 outline-violet-600 dark:border-violet-400 dark:outline-violet-400' : data.active ? 'border-blue-500' : 'border-slate-400 dark:border-slate-500'
          }`}
          style={{
            transform: `translate(-50%, -50%) translate(${middle.x}px, ${middle.y}px)`,
            pointerEvents: 'all',
            fontSize: FONT.label,
            lineHeight: LINE_HEIGHT,
            padding: `${LABEL_PAD_Y}px ${LABEL_PAD_X}px`,
            minHeight: LABEL_MIN_HEIGHT,
          }}
        >
          {label.lines.map((line, i) => (
            <span key={`${i}-${line}`} data-part="link-label" className="block">
              {line}
            </span>
          ))}
        </button>
      </EdgeLabelRenderer>
    </>
  );
}

export const LinkEdge = memo(LinkEdgeComponent);
