/**
 * Where a link's protocol-and-port label sits: beside its line, never on it, so a packet travelling the
 * line never hides the label, and the label never hides the line. Packets sharing a link step aside to
 * the other side (`packetSide`).
 */
import { contains, direction, overlaps, pointAlong, segmentCrosses, type Box, type Point, type Segment } from './geometry';
import { FONT, LINE_HEIGHT, monoWidth } from './typography';

/** How far a label keeps from its line: past a packet's click target (PACKET_HIT_RADIUS), so neither covers the other. */
export const LABEL_CLEARANCE = 18;
/**
 * A label is a button: at the smallest zoom (0.74) it must still be 24 CSS px tall, the WCAG 2.2 minimum
 * target, so a one-line label gets extra height.
 */
export const LABEL_MIN_HEIGHT = 33;
export const LABEL_PAD_X = 5;
export const LABEL_PAD_Y = 2;
const BORDER = 1;

export interface LabelSpec {
  /** Protocol over port on two lines (narrow) rather than one line (short). Level links always stack. */
  stacked?: boolean;
  /** Which side of the line: 1 is above a level line and right of an upright one, -1 the other side. */
  side?: 1 | -1;
  /** Where along the line: its middle, or just past its start or before its end (clear of zone titles). */
  along?: 'middle' | 'start' | 'end';
}

export interface PlacedLabel {
  lines: string[];
  box: Box;
  /** Unit vector from the line towards the label. */
  normal: Point;
}

/**
 * A level link's label stands in the gap between two nodes, so it is stacked (protocol over port) to be
 * narrow; an upright link's label reads on one line where there is room.
 */
export function labelLines(text: string, stacked: boolean): string[] {
  if (!stacked) return [text];
  const parts = text.includes(' · ') ? text.split(' · ') : text.split(' ');
  return parts.length > 2 ? [parts[0]!, parts.slice(1).join(' ')] : parts;
}

export function labelSize(lines: readonly string[]): { width: number; height: number } {
  return {
    width: Math.max(...lines.map((line) => monoWidth(line, FONT.label))) + 2 * (LABEL_PAD_X + BORDER),
    height: Math.max(LABEL_MIN_HEIGHT, lines.length * FONT.label * LINE_HEIGHT + 2 * (LABEL_PAD_Y + BORDER)),
  };
}

/** The perpendicular that points up, or right when the line is upright. */
function upOrRight(u: Point): Point {
  const n = { x: -u.y, y: u.x };
  if (n.y < -1e-9 || (Math.abs(n.y) <= 1e-9 && n.x > 0)) return n;
  return { x: -n.x, y: -n.y };
}

export function placeLabel(segment: Segment, text: string, spec: LabelSpec = {}): PlacedLabel {
  const u = direction(segment);
  const level = Math.abs(u.x) >= Math.abs(u.y);
  const lines = labelLines(text, level || spec.stacked === true);
  const { width, height } = labelSize(lines);
  const side = spec.side ?? 1;
  const up = upOrRight(u);
  const normal = { x: up.x * side, y: up.y * side };
  // How far the box reaches along and across the line (its support in those directions).
  const reachAcross = (width / 2) * Math.abs(normal.x) + (height / 2) * Math.abs(normal.y);
  const reachAlong = (width / 2) * Math.abs(u.x) + (height / 2) * Math.abs(u.y);
  let anchor: Point;
  switch (spec.along ?? 'middle') {
    case 'middle':
      anchor = pointAlong(segment, 0.5);
      break;
    case 'start':
      anchor = { x: segment.from.x + u.x * (reachAlong + 4), y: segment.from.y + u.y * (reachAlong + 4) };
      break;
    case 'end':
      anchor = { x: segment.to.x - u.x * (reachAlong + 4), y: segment.to.y - u.y * (reachAlong + 4) };
      break;
  }
  const offset = LABEL_CLEARANCE + reachAcross;
  const c = { x: anchor.x + normal.x * offset, y: anchor.y + normal.y * offset };
  return { lines, box: { x: c.x - width / 2, y: c.y - height / 2, width, height }, normal };
}

/** Where a label may go, most preferred first: beside the middle, then near either end, either side. */
const PLACES: readonly Required<Omit<LabelSpec, 'stacked'>>[] = [
  { along: 'middle', side: 1 },
  { along: 'middle', side: -1 },
  { along: 'start', side: 1 },
  { along: 'end', side: 1 },
  { along: 'start', side: -1 },
  { along: 'end', side: -1 },
];
/** One line first; stacked where one line does not fit. */
const CANDIDATES: readonly Required<LabelSpec>[] = [false, true].flatMap((stacked) => PLACES.map((place) => ({ ...place, stacked })));

export interface Obstacles {
  /** Nodes, zone titles and labels already placed. */
  boxes: readonly Box[];
  /** The other links' lines. */
  lines: readonly Segment[];
  /** Where labels should stay (the nodes' and zones' width), so the drawing does not grow wider for a label. */
  within: Box;
}

/**
 * The first candidate place that covers no node, zone title, other label or other line, preferring one
 * inside the drawing's extent. A layout may ask for a place first (`preferred`).
 */
export function placeLabelAvoiding(segment: Segment, text: string, obstacles: Obstacles, preferred?: LabelSpec): PlacedLabel {
  // Tried in order and no further than needed: this runs while a page hydrates, and most labels fit their first place.
  const options = preferred ? [preferred, ...CANDIDATES] : CANDIDATES;
  let first: PlacedLabel | undefined;
  let firstClear: PlacedLabel | undefined;
  for (const spec of options) {
    const placed = placeLabel(segment, text, spec);
    first ??= placed;
    if (obstacles.boxes.some((b) => overlaps(placed.box, b)) || obstacles.lines.some((l) => segmentCrosses(l, placed.box))) continue;
    if (contains(obstacles.within, placed.box)) return placed;
    firstClear ??= placed;
  }
  return firstClear ?? first!;
}
