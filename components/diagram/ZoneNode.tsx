'use client';

import type { Node, NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { FONT, LINE_HEIGHT } from './typography';
import { ZONE_TITLE_INSET, type ZoneTone } from './zones';

export type ZoneNodeData = { title: string; tone: ZoneTone; width: number; height: number };
export type ZoneNodeType = Node<ZoneNodeData, 'zone'>;

const TONES: Record<ZoneTone, string> = {
  pop: 'border-orange-400 bg-orange-50/60 dark:border-orange-600 dark:bg-orange-950/30',
  vpc: 'border-slate-400 bg-slate-50/60 dark:border-slate-500 dark:bg-slate-900/40',
  public: 'border-emerald-500 border-dashed bg-emerald-50/50 dark:border-emerald-600 dark:bg-emerald-950/30',
  private: 'border-sky-500 border-dashed bg-sky-50/50 dark:border-sky-600 dark:bg-sky-950/30',
};

/** A zone behind the nodes; its title wraps within the zone, as the layout reserved room for. */
function ZoneNodeComponent({ data }: NodeProps<ZoneNodeType>) {
  return (
    <div aria-hidden="true" className={`relative rounded-xl border-2 ${TONES[data.tone]}`} style={{ width: data.width, height: data.height }}>
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
