/**
 * The still part of the traffic diagram, as SVG: zones, links with their rates, nodes with their load, and the
 * bands for open breakers and dropped packets. It changes when the playhead enters another stretch, never per frame;
 * the dots move on a canvas above it (TrafficDiagram). Hidden from assistive technology: the figure's text
 * alternative says the same in words.
 */
import { memo } from 'react';
import { center } from '@/components/diagram/geometry';
import type { DiagramLayout } from '@/components/diagram/layout';
import { FONT, monoWidth } from '@/components/diagram/typography';
import { NODES, type NodeId, type ZoneKind } from '@/lib/sim';
import type { NodeFigure } from './figures';
import { num } from './figures';
import type { LinkFlow } from './flows';
import { LOAD_FILL } from './palette';

const ZONE_STROKE: Record<ZoneKind, string> = {
  'edge-location': 'stroke-orange-400 dark:stroke-orange-400/70',
  vpc: 'stroke-slate-400 dark:stroke-slate-500',
  'public-subnet': 'stroke-emerald-500 dark:stroke-emerald-600',
  'private-subnet': 'stroke-sky-500 dark:stroke-sky-600',
};

/** Text inside a node's box, under its name: large enough to read at the narrow layout's zoom (about 10.5 px). */
const LOAD_FONT = 13;
const CHIP_FONT = 12.5;
const METER_HEIGHT = 5;

export interface Band {
  linkId: string;
  lines: [string, string];
  tone: 'breaker' | 'denied';
}

interface TrafficDrawingProps {
  layout: DiagramLayout;
  flows: readonly LinkFlow[];
  figures: readonly NodeFigure[];
  bands: readonly Band[];
  /** Reduced motion: no dots, so each link's width shows its rate. */
  widths: boolean;
  /** The busiest rate of the run on any link, for the widths' scale. */
  maxPerS: number;
  zoom: number;
}

/** A flow's width in flow units when there are no dots: the square root of its share of the busiest, so small flows still show. */
export function flowWidth(perS: number, maxPerS: number): number {
  return perS > 0 && maxPerS > 0 ? 2 + 12 * Math.sqrt(perS / maxPerS) : 0;
}

const BAND_CLASSES: Record<Band['tone'], { line: string; box: string; text: string }> = {
  breaker: { line: 'stroke-amber-600/70 dark:stroke-amber-400/70', box: 'fill-amber-100 stroke-amber-700 dark:fill-amber-950 dark:stroke-amber-400', text: 'fill-amber-900 dark:fill-amber-100' },
  denied: { line: 'stroke-red-600/60 dark:stroke-red-400/60', box: 'fill-red-100 stroke-red-700 dark:fill-red-950 dark:stroke-red-400', text: 'fill-red-900 dark:fill-red-100' },
};

/**
 * A band along the link, and beside it, on the side away from the rate's label, a chip that says what it is.
 * A second band on the same link puts its chip further out.
 */
function LinkBand({ band, layout, index }: { band: Band; layout: DiagramLayout; index: number }) {
  const placed = layout.links.find((l) => l.link.id === band.linkId);
  if (!placed) return null;
  const { segment, label } = placed;
  const width = Math.max(...band.lines.map((l) => l.length)) * CHIP_FONT * 0.62 + 10;
  const height = CHIP_FONT * 2.5 + 4;
  const extent = (Math.abs(label.normal.x) * width) / 2 + (Math.abs(label.normal.y) * height) / 2;
  const out = 6 + extent + index * (2 * extent + 4);
  const mid = { x: (segment.from.x + segment.to.x) / 2, y: (segment.from.y + segment.to.y) / 2 };
  const x = mid.x - label.normal.x * out;
  const y = mid.y - label.normal.y * out;
  const classes = BAND_CLASSES[band.tone];
  return (
    <g>
      <line x1={segment.from.x} y1={segment.from.y} x2={segment.to.x} y2={segment.to.y} strokeWidth={8} strokeDasharray={band.tone === 'breaker' ? '6 4' : undefined} className={classes.line} />
      <rect x={x - width / 2} y={y - height / 2} width={width} height={height} rx={4} strokeWidth={1.5} className={classes.box} />
      {band.lines.map((line, i) => (
        <text key={i} x={x} y={y - height / 2 + 2 + CHIP_FONT * (1.2 * i + 1)} fontSize={CHIP_FONT} textAnchor="middle" fontWeight={600} className={classes.text}>
          {line}
        </text>
      ))}
    </g>
  );
}

function Drawing({ layout, flows, figures, bands, widths, maxPerS, zoom }: TrafficDrawingProps) {
  const { x, y, width, height } = layout.bounds;
  const byLink = new Map(flows.map((f) => [f.linkId, f]));
  const byNode = new Map(figures.map((f) => [f.node, f]));
  const bandIndex = new Map<string, number>();
  return (
    <svg viewBox={`${x} ${y} ${width} ${height}`} width={width * zoom} height={height * zoom} aria-hidden="true" className="block text-slate-900 dark:text-slate-100">
      {layout.zones.map(({ zone, box, titleBox }) => (
        <g key={zone.id}>
          <rect {...box} rx={12} fill="none" className={ZONE_STROKE[zone.kind]} strokeWidth={2} strokeDasharray={zone.kind.endsWith('subnet') ? '6 4' : undefined} />
          <text x={titleBox.x} y={titleBox.y + FONT.zone} fontSize={FONT.zone} fill="currentColor">
            {zone.title}
          </text>
        </g>
      ))}
      {layout.links.map(({ link, segment }) => {
        const f = byLink.get(link.id);
        const w = widths && f ? flowWidth(f.perS, maxPerS) : 0;
        return (
          <g key={link.id}>
            <line x1={segment.from.x} y1={segment.from.y} x2={segment.to.x} y2={segment.to.y} className="stroke-slate-400 dark:stroke-slate-500" strokeWidth={2} />
            {w > 0 ? <line x1={segment.from.x} y1={segment.from.y} x2={segment.to.x} y2={segment.to.y} className="stroke-blue-700/60 dark:stroke-blue-400/60" strokeWidth={w} /> : null}
          </g>
        );
      })}
      {layout.links.map(({ link, label }) => {
        const f = byLink.get(link.id);
        // The rate where the protocol's label would be; links the series has no rate for keep their protocol.
        const rate = f ? `${num(f.perS)}/s` : '';
        const lines = f ? (monoWidth(rate, FONT.label) <= label.box.width - 8 ? [rate] : [num(f.perS), '/s']) : label.lines;
        const c = center(label.box);
        const lineHeight = FONT.label * 1.25;
        return (
          <g key={link.id}>
            <rect {...label.box} rx={3} className={f ? 'fill-white stroke-blue-700 dark:fill-slate-900 dark:stroke-blue-400' : 'fill-white stroke-slate-300 dark:fill-slate-900 dark:stroke-slate-600'} />
            {lines.map((line, i) => (
              <text
                key={i}
                x={c.x}
                y={c.y + (i - (lines.length - 1) / 2) * lineHeight + FONT.label * 0.35}
                fontSize={FONT.label}
                textAnchor="middle"
                fontFamily="ui-monospace, monospace"
                fontWeight={f ? 600 : 400}
                className={f ? 'fill-slate-900 dark:fill-slate-100' : 'fill-slate-600 dark:fill-slate-400'}
              >
                {line}
              </text>
            ))}
          </g>
        );
      })}
      {(Object.entries(layout.nodes) as [NodeId, DiagramLayout['bounds']][]).map(([id, box]) => {
        const figure = byNode.get(id);
        const meter = figure?.meter;
        return (
          <g key={id}>
            <rect {...box} rx={8} className="fill-white stroke-slate-300 dark:fill-slate-900 dark:stroke-slate-600" strokeWidth={2} />
            <text x={box.x + 10} y={box.y + 21} fontSize={FONT.title} fontWeight={600} fill="currentColor">
              {NODES[id].label}
            </text>
            {figure?.lines.map((line, i) => (
              <text key={i} x={box.x + 10} y={box.y + 39 + i * 15} fontSize={LOAD_FONT} className="fill-slate-700 dark:fill-slate-300">
                {line}
              </text>
            ))}
            {meter ? (
              <g>
                <rect x={box.x + 10} y={box.y + box.height - METER_HEIGHT - 4} width={box.width - 20} height={METER_HEIGHT} rx={2} className="fill-slate-200 dark:fill-slate-700" />
                <rect x={box.x + 10} y={box.y + box.height - METER_HEIGHT - 4} width={(box.width - 20) * meter.value} height={METER_HEIGHT} rx={2} className={LOAD_FILL[meter.load]} />
              </g>
            ) : null}
          </g>
        );
      })}
      {bands.map((band) => {
        const index = bandIndex.get(band.linkId) ?? 0;
        bandIndex.set(band.linkId, index + 1);
        return <LinkBand key={`${band.tone}-${band.linkId}`} band={band} layout={layout} index={index} />;
      })}
    </svg>
  );
}

export const TrafficDrawing = memo(Drawing);
