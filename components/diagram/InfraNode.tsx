'use client';

import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { NodeTone } from '@/lib/playback/frame';
import type { NodeId } from '@/lib/sim';
import { useSandboxStore } from '@/components/sandbox/store-context';
import { NodeText, nodeFaceClass, SECURITY_GROUP_TAG_CLASS, SECURITY_GROUP_TAG_STYLE } from './faces';
import { NODE_HEIGHT, NODE_WIDTH, TAG_PAD_X, tagBox } from './layout';
import { TONE_WORDS } from './node-tones';

export type InfraNodeData = {
  nodeId: NodeId;
  label: string;
  counterpart: string;
  tone: NodeTone;
  selected: boolean;
  securityGroup?: string;
};

export type InfraNodeType = Node<InfraNodeData, 'infra'>;

/** The security group tag straddles the node's top border, where the layout keeps labels away from it. */
function tagStyle(securityGroup: string) {
  const box = tagBox({ x: 0, y: 0, width: NODE_WIDTH, height: NODE_HEIGHT }, securityGroup);
  return { left: box.x, top: box.y, height: box.height };
}

/** Invisible handles: links are drawn border to border by the layout, not from handle positions. */
const hiddenHandle = { opacity: 0, width: 1, height: 1, minWidth: 0, minHeight: 0, border: 0, top: '50%', left: '50%' };

/**
 * A service: its name, the real thing it stands for (in full, wrapping), and its security group as a tag
 * on its top border. The whole node is a button that selects it for the inspector.
 */
function InfraNodeComponent({ data, sourcePosition = Position.Right, targetPosition = Position.Left }: NodeProps<InfraNodeType>) {
  const store = useSandboxStore();
  return (
    <div className="relative" style={{ width: NODE_WIDTH, height: NODE_HEIGHT }}>
      <Handle type="target" position={targetPosition} style={hiddenHandle} isConnectable={false} />
      <button
        type="button"
        data-node={data.nodeId}
        onClick={() => store.getState().select(data.selected ? null : data.nodeId)}
        aria-pressed={data.selected}
        className={`nopan cursor-pointer ${nodeFaceClass(data.tone, data.selected)}`}
      >
        <NodeText label={data.label} counterpart={data.counterpart} />
        <span className="sr-only">: {TONE_WORDS[data.tone]}</span>
        {data.securityGroup ? (
          <span className={`absolute ${SECURITY_GROUP_TAG_CLASS}`} style={{ ...tagStyle(data.securityGroup), ...SECURITY_GROUP_TAG_STYLE, paddingInline: TAG_PAD_X }}>
            <span className="sr-only">, security group </span>
            {data.securityGroup}
          </span>
        ) : null}
      </button>
      <Handle type="source" position={sourcePosition} style={hiddenHandle} isConnectable={false} />
    </div>
  );
}

export const InfraNode = memo(InfraNodeComponent);
