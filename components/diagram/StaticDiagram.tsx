/**
 * The topology as plain SVG, drawn from the same layouts as the interactive diagram. It is the first
 * thing painted (the static HTML has it) and React Flow replaces it once loaded, so the page never shows
 * an empty box. Container queries pick the layout the interactive diagram will pick for the same width,
 * at the same size, so nothing jumps. It carries no information the interactive diagram does not.
 */
import { NODE_IDS, NODES, type NodeId, type ZoneKind } from '@/lib/sim';
import { ZOOM_CEILING, ZOOM_FLOOR, layoutsFor, type DiagramSize } from './fit';
import { DiagramFrame } from './DiagramFrame';
import { center } from './geometry';
import type { DiagramLayout, LayoutName } from './layout';
import { FONT, LINE_HEIGHT } from './typography';

const ZONE_STROKE: Record<ZoneKind, string> = {
  'edge-location': 'stroke-orange-400 dark:stroke-orange-400/70',
  vpc: 'stroke-slate-400 dark:stroke-slate-500',
  'public-subnet': 'stroke-emerald-500 dark:stroke-emerald-600',
  'private-subnet': 'stroke-sky-500 dark:stroke-sky-600',
};

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
      {layout.zones.map(({ zone, box, titleBox }) => (
        <g key={zone.id}>
          <rect x={box.x} y={box.y} width={box.width} height={box.height} rx={12} fill="none" className={ZONE_STROKE[zone.kind]} strokeWidth={2} strokeDasharray={zone.kind === 'public-subnet' || zone.kind === 'private-subnet' ? '6 4' : undefined} />
          <text x={titleBox.x} y={titleBox.y + FONT.zone} fontSize={FONT.zone} fill="currentColor">
            {zone.title}
          </text>
        </g>
      ))}
      {layout.links.map(({ link, segment, label }) => (
        <g key={link.id}>
          <line x1={segment.from.x} y1={segment.from.y} x2={segment.to.x} y2={segment.to.y} stroke="#64748b" strokeWidth={2} />
          <rect {...label.box} rx={3} className="fill-white stroke-slate-400 dark:fill-slate-900 dark:stroke-slate-500" />
          {label.lines.map((line, i) => (
            <text key={i} x={center(label.box).x} y={label.box.y + 3 + FONT.label * (LINE_HEIGHT * i + 1)} fontSize={FONT.label} textAnchor="middle" fontFamily="ui-monospace, monospace" fill="currentColor">
              {line}
            </text>
          ))}
        </g>
      ))}
      {(Object.entries(layout.nodes) as [NodeId, DiagramLayout['bounds']][]).map(([id, box]) => (
        <g key={id}>
          <rect {...box} rx={8} className="fill-white stroke-slate-300 dark:fill-slate-900 dark:stroke-slate-600" strokeWidth={2} />
          <text x={box.x + 10} y={box.y + 26} fontSize={FONT.title} fontWeight={600} fill="currentColor">
            {NODES[id].label}
          </text>
        </g>
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
  const layouts = layoutsFor(visible, 'postgres');
  // One scope per set of rules: the same view always gets the same class, so repeats are harmless.
  const scope = `static-diagram-${size}-${visible.map((id) => NODE_IDS.indexOf(id).toString(36)).join('')}`;
  return (
    <div className={scope}>
      <style>{containerRules(scope, layouts, size)}</style>
      {layouts.map((layout) => (
        <Drawing key={layout.name} layout={layout} />
      ))}
      <p className="sr-only" role="status">
        Loading the interactive diagram…
      </p>
    </div>
  );
}

export function StaticDiagram() {
  return (
    <DiagramFrame>
      <StaticDrawings size="full" visible={NODE_IDS} />
    </DiagramFrame>
  );
}
