/**
 * The topology as it stands before the run starts, drawn from the same layouts and with the same faces
 * (faces.tsx) as the interactive diagram: the services with what they stand for and their security groups, the
 * zones, the links and their labels. Container queries pick the layout the interactive diagram will pick for the
 * same width, at the same size, so nothing jumps. The faces are HTML in `foreignObject`s, so they wrap and scale
 * with the drawing exactly as React Flow's do.
 *
 * Two places show it: the interactive diagram while it measures its pane (FlowDiagram), and the sandbox's first
 * view (StaticDiagram), which takes it as markup made at build time (scripts/static-drawing.ts).
 */
import type { ReactNode } from 'react';
import { NODE_IDS, NODES, type NodeId } from '@/lib/sim';
import { NodeText, nodeFaceClass, LINK_LABEL_STYLE, LINK_STROKE, LinkLabelLines, linkDash, linkLabelClass, SECURITY_GROUP_TAG_CLASS, SECURITY_GROUP_TAG_STYLE, ZoneFace } from './faces';
import { ZOOM_CEILING, ZOOM_FLOOR, layoutsFor, type DiagramSize } from './fit';
import { TAG_PAD_X, tagBox, type DiagramLayout, type LayoutName } from './layout';
import { securityGroupTag } from './zones';
import { STATIC_DB_ENGINE } from './at-rest';

type Box = DiagramLayout['bounds'];

/** HTML placed on the drawing; visible overflow keeps a service's shadow and a tag's border whole. */
function Html({ box, children }: { box: Box; children: ReactNode }) {
  return (
    <foreignObject x={box.x} y={box.y} width={box.width} height={box.height} overflow="visible">
      {children}
    </foreignObject>
  );
}

function Drawing({ layout }: { layout: DiagramLayout }) {
  const { x, y, width, height } = layout.bounds;
  return (
    <svg
      data-layout={layout.name}
      viewBox={`${x} ${y} ${width} ${height}`}
      aria-hidden="true"
      className="mx-auto h-auto w-full text-slate-900 dark:text-slate-100"
      style={{ maxWidth: width * ZOOM_CEILING }}
    >
      {layout.zones.map(({ zone, box }) => (
        <Html key={zone.id} box={box}>
          <ZoneFace title={zone.title} kind={zone.kind} width={box.width} height={box.height} />
        </Html>
      ))}
      {layout.links.map(({ link, segment }) => (
        <line key={link.id} x1={segment.from.x} y1={segment.from.y} x2={segment.to.x} y2={segment.to.y} stroke={LINK_STROKE.idle} strokeWidth={2} strokeDasharray={linkDash(link.protocol)} />
      ))}
      {(Object.entries(layout.nodes) as [NodeId, Box][]).map(([id, box]) => {
        const securityGroup = securityGroupTag(id);
        return (
          <g key={id}>
            <Html box={box}>
              <div data-node={id} className={nodeFaceClass('idle', false)}>
                <NodeText label={NODES[id].label} counterpart={NODES[id].counterpart} />
              </div>
            </Html>
            {securityGroup ? (
              <Html box={tagBox(box, securityGroup)}>
                <div className={`h-full ${SECURITY_GROUP_TAG_CLASS}`} style={{ ...SECURITY_GROUP_TAG_STYLE, paddingInline: TAG_PAD_X }}>
                  {securityGroup}
                </div>
              </Html>
            ) : null}
          </g>
        );
      })}
      {/* Labels centred on their boxes at their own size, as React Flow's edge labels are. */}
      {layout.links.map(({ link, label }) => (
        <Html key={link.id} box={label.box}>
          <div data-link={link.id} className="flex h-full items-center justify-center">
            <div className={linkLabelClass(false, false)} style={LINK_LABEL_STYLE}>
              <LinkLabelLines lines={label.lines} />
            </div>
          </div>
        </Html>
      ))}
    </svg>
  );
}

/** For each layout, the container widths at which the interactive diagram picks it (fitDiagram's rule). */
export function widthRanges(layouts: readonly DiagramLayout[], size: DiagramSize): { name: LayoutName; from: number; to: number }[] {
  const floor = ZOOM_FLOOR[size];
  const needs = layouts.map((l) => l.bounds.width * floor);
  const cuts = [0, ...needs, Infinity].sort((a, b) => a - b).filter((v, i, all) => all.indexOf(v) === i);
  const ranges: { name: LayoutName; from: number; to: number }[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const width = cuts[i]!;
    const index = needs.findIndex((need) => need <= width);
    const name = layouts[index === -1 ? layouts.length - 1 : index]!.name;
    const last = ranges.at(-1);
    if (last?.name === name) last.to = cuts[i + 1]!;
    else ranges.push({ name, from: width, to: cuts[i + 1]! });
  }
  return ranges;
}

function containerRules(scope: string, layouts: readonly DiagramLayout[], size: DiagramSize): string {
  const hide = `.${scope} svg[data-layout]{display:none}`;
  const shows = widthRanges(layouts, size).map(({ name, from, to }) => {
    const query = to === Infinity ? `(width >= ${from}px)` : `(${from}px <= width < ${to}px)`;
    return `@container ${query}{.${scope} svg[data-layout="${name}"]{display:block}}`;
  });
  return [hide, ...shows].join('');
}

export function StaticDrawings({ size, visible }: { size: DiagramSize; visible: readonly NodeId[] }) {
  const layouts = layoutsFor(visible, STATIC_DB_ENGINE);
  // One scope per set of rules: the same view always gets the same class, so repeats are harmless.
  const scope = `static-diagram-${size}-${visible.map((id) => NODE_IDS.indexOf(id).toString(36)).join('')}`;
  return (
    <div className={scope}>
      <style>{containerRules(scope, layouts, size)}</style>
      {layouts.map((layout) => (
        <Drawing key={layout.name} layout={layout} />
      ))}
    </div>
  );
}
