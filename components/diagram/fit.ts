/**
 * How the diagram fits its container: the widest layout that fits at a legible zoom, shown at that
 * zoom, with the container as tall as the drawing. Nothing is ever shrunk below the floor: on a
 * container too narrow even for the narrow layout, the drawing keeps the floor and the pane pans.
 */
import type { NodeId } from '@/lib/sim';
import type { DbEngine } from '@/lib/scenario/schema';
import { diagramLayout, LAYOUT_NAMES, type DiagramLayout } from './layout';
import { FONT } from './typography';

/**
 * The smallest zoom at which titles read at 12 px (the sandbox) or 11 px (a lesson's simulator or the
 * landing demo, a narrower column); link labels stay at 10 px or more at either.
 */
export const ZOOM_FLOOR = { full: 12.15 / FONT.title, compact: 11.1 / FONT.title } as const;
/** Never larger than drawn: flow units are CSS pixels at zoom 1. */
export const ZOOM_CEILING = 1;

export type DiagramSize = keyof typeof ZOOM_FLOOR;

export interface Fit {
  layout: DiagramLayout;
  zoom: number;
  /** The drawing's height in CSS pixels, unrounded, as the placeholder drawing's is. */
  height: number;
  /** The drawing is wider than the container, or taller than the height it may take, at the floor: the pane pans. */
  overflows: boolean;
  /** Viewport translation that puts the drawing at the top, centred when it is narrower than the pane. */
  x: number;
  y: number;
}

/**
 * Layouts already worked out, by engine and visible nodes. The placeholder drawing and React Flow ask for the same
 * ones while the sandbox loads, and a page's simulators for the same few again: working one out is milliseconds on a
 * phone, inside the task that hydrates the page. The few combinations of nodes and engines keep this small.
 */
const LAYOUTS = new Map<string, DiagramLayout[]>();

export function layoutsFor(visible: readonly NodeId[], engine: DbEngine): DiagramLayout[] {
  const key = `${engine}:${visible.join(',')}`;
  let layouts = LAYOUTS.get(key);
  if (!layouts) LAYOUTS.set(key, (layouts = LAYOUT_NAMES.map((name) => diagramLayout(name, visible, engine))));
  return layouts;
}

/** How much of a layout a pane of this size shows at the floor, from 0 to 1. */
function shownAtFloor(layout: DiagramLayout, width: number, height: number, floor: number): number {
  return Math.min(1, width / (layout.bounds.width * floor)) * Math.min(1, height / (layout.bounds.height * floor));
}

/**
 * `maxHeight`, when given, is the height the page can spare: the zoom shrinks to fit it, but never below the
 * floor that keeps titles legible (the pane, cut to that height, then pans instead). The layout is the widest
 * that fits the width at the floor, as the placeholder drawing's container queries choose it — unless it is then
 * too tall for `maxHeight`: then the one that shows the most of itself, which may pan sideways.
 */
export function fitDiagram(layouts: readonly DiagramLayout[], width: number, size: DiagramSize, maxHeight = Infinity): Fit {
  const floor = ZOOM_FLOOR[size];
  const byWidth = layouts.find((l) => l.bounds.width * floor <= width) ?? layouts[layouts.length - 1]!;
  const layout =
    byWidth.bounds.height * floor <= maxHeight
      ? byWidth
      : layouts.reduce((best, l) => (shownAtFloor(l, width, maxHeight, floor) > shownAtFloor(best, width, maxHeight, floor) ? l : best));
  const zoom = Math.max(floor, Math.min(ZOOM_CEILING, width / layout.bounds.width, maxHeight / layout.bounds.height));
  const drawn = layout.bounds.width * zoom;
  const height = layout.bounds.height * zoom;
  const wider = drawn > width + 0.5;
  const x = (wider ? 0 : (width - drawn) / 2) - layout.bounds.x * zoom;
  const y = -layout.bounds.y * zoom;
  return { layout, zoom, height, overflows: wider || height > maxHeight + 0.5, x, y };
}
