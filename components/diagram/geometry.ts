/** Plain plane geometry for the diagram: boxes, points, straight segments. */

export interface Point {
  x: number;
  y: number;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Segment {
  from: Point;
  to: Point;
}

export function center(box: Box): Point {
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** The smallest box holding all of them, grown by `pad` on every side. */
export function union(boxes: readonly Box[], pad = 0): Box {
  const minX = Math.min(...boxes.map((b) => b.x)) - pad;
  const minY = Math.min(...boxes.map((b) => b.y)) - pad;
  const maxX = Math.max(...boxes.map((b) => b.x + b.width)) + pad;
  const maxY = Math.max(...boxes.map((b) => b.y + b.height)) + pad;
  return { x: minX, y: minY, width: maxX - minX, height: maxY - minY };
}

export function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** Where the straight line from a box's centre towards `toward` leaves the box. */
export function borderPoint(box: Box, toward: Point): Point {
  const c = center(box);
  const dx = toward.x - c.x;
  const dy = toward.y - c.y;
  if (dx === 0 && dy === 0) return c;
  const scale = Math.min(dx === 0 ? Infinity : box.width / 2 / Math.abs(dx), dy === 0 ? Infinity : box.height / 2 / Math.abs(dy));
  return { x: c.x + dx * scale, y: c.y + dy * scale };
}

/** The line between two boxes, border to border. */
export function segmentBetween(a: Box, b: Box): Segment {
  return { from: borderPoint(a, center(b)), to: borderPoint(b, center(a)) };
}

export function reversed(segment: Segment): Segment {
  return { from: segment.to, to: segment.from };
}

export function pointAlong(segment: Segment, progress: number): Point {
  return { x: segment.from.x + (segment.to.x - segment.from.x) * progress, y: segment.from.y + (segment.to.y - segment.from.y) * progress };
}

/** Unit vector from the segment's start to its end. */
export function direction(segment: Segment): Point {
  const dx = segment.to.x - segment.from.x;
  const dy = segment.to.y - segment.from.y;
  const length = Math.hypot(dx, dy) || 1;
  return { x: dx / length, y: dy / length };
}

/** Whether a segment passes through a box (Liang–Barsky clipping). */
export function segmentCrosses(segment: Segment, box: Box): boolean {
  const { from, to } = segment;
  const dx = to.x - from.x;
  const dy = to.y - from.y;
  const range = { t0: 0, t1: 1 };
  return (
    clipsTo(range, -dx, from.x - box.x) &&
    clipsTo(range, dx, box.x + box.width - from.x) &&
    clipsTo(range, -dy, from.y - box.y) &&
    clipsTo(range, dy, box.y + box.height - from.y)
  );
}

/** One edge of Liang–Barsky: narrows the segment's parameter range to the edge's inner side; false once it is empty. */
function clipsTo(range: { t0: number; t1: number }, p: number, q: number): boolean {
  if (p === 0) return q >= 0;
  const r = q / p;
  if (p < 0) range.t0 = Math.max(range.t0, r);
  else range.t1 = Math.min(range.t1, r);
  return range.t0 <= range.t1;
}

export function contains(outer: Box, inner: Box): boolean {
  return inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height;
}
