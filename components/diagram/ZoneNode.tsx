'use client';

import type { Node, NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { Zone } from './layout';

export type ZoneNodeData = { label: string; tone: Zone['tone']; width: number; height: number };
export type ZoneNodeType = Node<ZoneNodeData, 'zone'>;

const TONES: Record<Zone['tone'], string> = {
  pop: 'border-orange-400 bg-orange-50/60 dark:border-orange-700 dark:bg-orange-950/30',
  vpc: 'border-slate-400 bg-slate-50/60 dark:border-slate-600 dark:bg-slate-900/40',
  public: 'border-emerald-500 border-dashed bg-emerald-50/50 dark:border-emerald-700 dark:bg-emerald-950/30',
  private: 'border-sky-500 border-dashed bg-sky-50/50 dark:border-sky-700 dark:bg-sky-950/30',
};

function ZoneNodeComponent({ data }: NodeProps<ZoneNodeType>) {
  return (
    <div aria-hidden="true" className={`rounded-xl border-2 ${TONES[data.tone]}`} style={{ width: data.width, height: data.height }}>
      <span className="block px-2 pt-0.5 text-[11px] font-medium text-slate-700 dark:text-slate-300">{data.label}</span>
    </div>
  );
}

export const ZoneNode = memo(ZoneNodeComponent);
