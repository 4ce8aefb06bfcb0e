'use client';

import type { Node, NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { ZoneKind } from '@/lib/sim';
import { ZoneFace } from './faces';

export type ZoneNodeData = { title: string; kind: ZoneKind; width: number; height: number };
export type ZoneNodeType = Node<ZoneNodeData, 'zone'>;

/** A zone behind the nodes (faces.tsx). */
function ZoneNodeComponent({ data }: NodeProps<ZoneNodeType>) {
  return <ZoneFace {...data} />;
}

export const ZoneNode = memo(ZoneNodeComponent);
