'use client';

import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { NodeTone } from '@/lib/playback/frame';
import type { NodeId } from '@/lib/sim';
import { useSandboxStore } from '@/components/sandbox/store-context';
import { NODE_HEIGHT, NODE_WIDTH } from './layout';

export type InfraNodeData = {
  nodeId: NodeId;
  label: string;
  counterpart: string;
  tone: NodeTone;
  selected: boolean;
  securityGroup?: string;
};

export type InfraNodeType = Node<InfraNodeData, 'infra'>;

const TONE_CLASSES: Record<NodeTone, string> = {
  idle: 'border-slate-300 bg-white text-slate-900 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100',
  visited: 'border-blue-400 bg-blue-50 text-slate-900 dark:border-blue-500 dark:bg-slate-900 dark:text-slate-100',
  active: 'border-blue-600 bg-blue-100 text-slate-900 ring-4 ring-blue-300 dark:bg-blue-950 dark:text-white dark:ring-blue-700',
  ok: 'border-emerald-600 bg-emerald-50 text-slate-900 dark:bg-emerald-950 dark:text-white',
  blocked: 'border-red-700 bg-red-50 text-slate-900 dark:bg-red-950 dark:text-white',
  error: 'border-amber-600 bg-amber-50 text-slate-900 dark:bg-amber-950 dark:text-white',
};

const TONE_WORDS: Record<NodeTone, string> = {
  idle: 'not reached yet',
  visited: 'reached',
  active: 'working now',
  ok: 'passed',
  blocked: 'blocked the request',
  error: 'had a failure',
};

/** Invisible handles: links are drawn border to border by the layout, not from handle positions. */
const hiddenHandle = { opacity: 0, width: 1, height: 1, minWidth: 0, minHeight: 0, border: 0, top: '50%', left: '50%' };

function InfraNodeComponent({ data }: NodeProps<InfraNodeType>) {
  const store = useSandboxStore();
  return (
    <div style={{ width: NODE_WIDTH, height: NODE_HEIGHT }}>
      <Handle type="target" position={Position.Left} style={hiddenHandle} isConnectable={false} />
      <button
        type="button"
        onClick={() => store.getState().select(data.selected ? null : data.nodeId)}
        aria-pressed={data.selected}
        title="Show details"
        className={`nopan flex h-full w-full flex-col items-start justify-center rounded-lg border-2 px-2.5 text-left shadow-sm transition-colors ${TONE_CLASSES[data.tone]} ${data.selected ? 'outline outline-3 outline-offset-2 outline-violet-600' : ''}`}
      >
        <span className="text-[13px] leading-tight font-semibold">{data.label}</span>{' '}
        <span className="line-clamp-1 text-[10.5px] leading-tight text-slate-600 dark:text-slate-300">{data.counterpart}</span>
        <span className="sr-only">: {TONE_WORDS[data.tone]}</span>
        {data.securityGroup ? (
          <span className="mt-0.5 rounded bg-slate-200 px-1 text-[9.5px] leading-tight text-slate-800 dark:bg-slate-700 dark:text-slate-100">
            <span className="sr-only">, security group </span>
            <span aria-hidden="true">SG </span>
            {data.securityGroup}
          </span>
        ) : null}
      </button>
      <Handle type="source" position={Position.Right} style={hiddenHandle} isConnectable={false} />
    </div>
  );
}

export const InfraNode = memo(InfraNodeComponent);
