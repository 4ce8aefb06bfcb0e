'use client';

import type { Node, NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { FONT, LINE_HEIGHT } from './typography';
import { ZONE_TONE_CLASSES } from './zone-tones';
import type { ZoneKind } from '@/lib/sim';
import { ZONE_TITLE_INSET } from './zones';

export type ZoneNodeData = { title: string; kind: ZoneKind; width: number; height: number };
export type ZoneNodeType = Node<ZoneNodeData, 'zone'>;


/** A zone behind the nodes; its title wraps within the zone, as the layout reserved room for. */
function ZoneNodeComponent({ data }: NodeProps<ZoneNodeType>) {
  return (
    <div aria-hidden="true" className={`relative rounded-xl border-2 ${ZONE_TONE_CLASSES[data.kind]}`} style={{ width: data.width, height: data.height }}>
      <span
        data-part="zone-title"
        className="absolute font-medium text-slate-700 dark:text-slate-300"
        style={{ left: ZONE_TITLE_INSET.x - 2, top: ZONE_TITLE_INSET.y - 2, maxWidth: data.width - 2 * ZONE_TITLE_INSET.x, fontSize: FONT.zone, lineHeight: LINE_HEIGHT }}
      >
        {data.title}
      </span>
    </div>
  );
}

export const ZoneNode = memo(ZoneNodeComponent);
