/**
 * Paints the dots on the canvas over the drawing, one frame. Every dot of a kind goes into one path and is filled
 * (or stroked) in one call, so a frame of 200 dots is four draw calls.
 */
import type { DiagramLayout } from '@/components/diagram/layout';
import type { DotField } from './dot-field';
import { DOT_KINDS, type DotKind } from './flows';
import { DOT_RADIUS, traceDot } from './palette';

/** A link as the canvas sees it, in CSS pixels from the drawing's top left: where it starts, where it goes, and its side. */
export interface LinkPath {
  x: number;
  y: number;
  dx: number;
  dy: number;
  /** Unit normal, for the dots' spread across the line. */
  nx: number;
  ny: number;
}

/** How far either side of its line a dot may sit, in CSS pixels: a stream, not a queue. */
const SPREAD = 3.5;

/** The links with dots, in the order of `ids`, from their `from` node to their `to` node, at `zoom`. */
export function linkPaths(layout: DiagramLayout, ways: readonly { linkId: string; from: string }[], zoom: number): LinkPath[] {
  return ways.map(({ linkId, from }) => {
    const placed = layout.links.find((l) => l.link.id === linkId);
    if (!placed) return { x: 0, y: 0, dx: 0, dy: 0, nx: 0, ny: 0 };
    const forward = placed.link.a === from;
    const start = forward ? placed.segment.from : placed.segment.to;
    const end = forward ? placed.segment.to : placed.segment.from;
    const dx = (end.x - start.x) * zoom;
    const dy = (end.y - start.y) * zoom;
    const length = Math.hypot(dx, dy) || 1;
    return { x: (start.x - layout.bounds.x) * zoom, y: (start.y - layout.bounds.y) * zoom, dx, dy, nx: -dy / length, ny: dx / length };
  });
}

export function paintDots(ctx: CanvasRenderingContext2D, field: DotField, now: number, paths: readonly LinkPath[], colours: Record<DotKind, string>, dpr: number): void {
  const { canvas } = ctx;
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, canvas.width, canvas.height);
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.lineWidth = 2;
  ctx.lineCap = 'round';
  for (const kind of DOT_KINDS) {
    ctx.beginPath();
    field.forEachOfKind(kind, now, (link, progress, side) => {
      const p = paths[link]!;
      traceDot(ctx, kind, p.x + p.dx * progress + p.nx * side * SPREAD, p.y + p.dy * progress + p.ny * side * SPREAD, DOT_RADIUS);
    });
    if (kind === 'stopped') {
      ctx.strokeStyle = colours[kind];
      ctx.stroke();
    } else {
      ctx.fillStyle = colours[kind];
      ctx.fill();
    }
  }
}
