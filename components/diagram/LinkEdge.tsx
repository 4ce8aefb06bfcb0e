'use client';

import { BaseEdge, EdgeLabelRenderer, type Edge, type EdgeProps } from '@xyflow/react';
import { memo } from 'react';
import { NODES } from '@/lib/sim';
import { useSandboxStore } from '@/components/sandbox/store-context';
import { center } from './geometry';
import type { PlacedLink } from './layout';
import { LINK_LABEL_STYLE, LINK_STROKE, LinkLabelLines, linkDash, linkLabelClass } from './faces';

export type LinkEdgeData = { placed: PlacedLink; active: boolean; selected: boolean };
export type LinkEdgeType = Edge<LinkEdgeData, 'link'>;

/**
 * A link with its protocol and port. The line is drawn where the layout put it; the label beside it is a
 * button, so a link can be selected by pointer, touch or keyboard (clicking the line works too).
 */
function LinkEdgeComponent({ id, data }: EdgeProps<LinkEdgeType>) {
  const store = useSandboxStore();
  if (!data) return null;
  const { link, segment, label } = data.placed;
  const path = `M ${segment.from.x},${segment.from.y} L ${segment.to.x},${segment.to.y}`;
  const stroke = data.selected ? LINK_STROKE.selected : data.active ? LINK_STROKE.active : LINK_STROKE.idle;
  const middle = center(label.box);
  const selection = `link:${link.id}`;
  return (
    <>
      <BaseEdge
        id={id}
        path={path}
        interactionWidth={18}
        style={{ stroke, strokeWidth: data.active || data.selected ? 3.5 : 2, strokeDasharray: linkDash(link.protocol) }}
      />
      <EdgeLabelRenderer>
        <button
          type="button"
          data-link={link.id}
          aria-label={`Link ${NODES[link.a].label} – ${NODES[link.b].label}: ${link.label}`}
          aria-pressed={data.selected}
          onClick={() => store.getState().select(data.selected ? null : selection)}
          className={`nopan absolute cursor-pointer ${linkLabelClass(data.selected, data.active)}`}
          style={{ transform: `translate(-50%, -50%) translate(${middle.x}px, ${middle.y}px)`, pointerEvents: 'all', ...LINK_LABEL_STYLE }}
        >
          <LinkLabelLines lines={label.lines} />
        </button>
      </EdgeLabelRenderer>
    </>
  );
}

export const LinkEdge = memo(LinkEdgeComponent);
