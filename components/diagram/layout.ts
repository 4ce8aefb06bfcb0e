/**
 * Where everything sits on the diagram, as plain data, for three widths of container. Each layout is a
 * grid of cells with gaps sized for what must fit in them: link labels, zone titles, the zones' padding.
 *
 * - wide: the request runs left to right along the second row, then turns down into the VPC;
 * - medium: the same, folded after the edge, so the VPC sits under it;
 * - narrow: one column top to bottom, with DNS, WAF, S3 and the payments API beside it.
 *
 * A focused view (a lesson's simulator showing only the services its run reaches) drops the rows and
 * columns left empty. Links are straight lines between node borders, so packet positions are simple.
 */
import { links, type LinkInfo, type NodeId } from '@/lib/sim';
import type { DbEngine } from '@/lib/scenario/schema';
import { segmentBetween, union, type Box, type Segment } from './geometry';
import { placeLabelAvoiding, type LabelSpec, type PlacedLabel } from './link-label';
import { FONT, monoWidth } from './typography';
import { placeZones, securityGroupTag, type PlacedZone } from './zones';

export type LayoutName = 'wide' | 'medium' | 'narrow';

/** Widest first: the diagram uses the first that fits its container at a legible zoom. */
export const LAYOUT_NAMES: readonly LayoutName[] = ['wide', 'medium', 'narrow'];

/** Room for the longest title ("Third-party API") on one line and a counterpart on two. */
export const NODE_WIDTH = 152;
export const NODE_HEIGHT = 70;
/** Room for a stacked label (protocol over port) between two nodes side by side. */
const COL_GAP = 68;
/** Air around the whole drawing. */
const MARGIN = 8;

export const TAG_PAD_X = 4;

/** A security group's tag, straddling the top border of its node at the right. */
export function tagBox(node: Box, securityGroup: string): Box {
  const width = monoWidth(securityGroup, FONT.counterpart) + 2 * (TAG_PAD_X + 1);
  const height = FONT.counterpart * 1.2 + 2;
  return { x: node.x + node.width - 8 - width, y: node.y - height / 2, width, height };
}

interface Grid {
  cells: Record<NodeId, { col: number; row: number }>;
  /** The gap below each row: room for the labels and zone titles that sit there. */
  rowGaps: number[];
  /** Labels moved off their default place (beside the middle of the line, above or to the right). */
  labels?: Record<string, LabelSpec>;
}

const GRIDS: Record<LayoutName, Grid> = {
  wide: {
    cells: {
      dns: { col: 0, row: 0 },
      waf: { col: 2, row: 0 },
      browser: { col: 0, row: 1 },
      shield: { col: 1, row: 1 },
      edge: { col: 2, row: 1 },
      alb: { col: 3, row: 1 },
      web: { col: 4, row: 1 },
      s3: { col: 2, row: 2 },
      db: { col: 3, row: 2 },
      app: { col: 4, row: 2 },
      thirdparty: { col: 4, row: 3 },
    },
    rowGaps: [70, 72, 56],
  },
  medium: {
    cells: {
      dns: { col: 0, row: 0 },
      waf: { col: 2, row: 0 },
      browser: { col: 0, row: 1 },
      shield: { col: 1, row: 1 },
      edge: { col: 2, row: 1 },
      s3: { col: 3, row: 1 },
      alb: { col: 2, row: 2 },
      web: { col: 3, row: 2 },
      db: { col: 2, row: 3 },
      app: { col: 3, row: 3 },
      thirdparty: { col: 3, row: 4 },
    },
    rowGaps: [70, 104, 76, 56],

  },
  narrow: {
    cells: {
      browser: { col: 0, row: 0 },
      dns: { col: 1, row: 0 },
      shield: { col: 0, row: 1 },
      edge: { col: 0, row: 2 },
      waf: { col: 1, row: 2 },
      s3: { col: 1, row: 3 },
      alb: { col: 0, row: 4 },
      web: { col: 0, row: 5 },
      app: { col: 0, row: 6 },
      thirdparty: { col: 1, row: 6 },
      db: { col: 0, row: 7 },
    },
    rowGaps: [92, 40, 40, 66, 72, 56, 72],
  },
};

export interface PlacedLink {
  link: LinkInfo;
  /** From the link's `a` to its `b`. */
  segment: Segment;
  label: PlacedLabel;
}

export interface DiagramLayout {
  name: LayoutName;
  /** The visible nodes' boxes (top-left corner and size). */
  nodes: Partial<Record<NodeId, Box>>;
  zones: PlacedZone[];
  /** Security group tags on node borders. */
  tags: Box[];
  links: PlacedLink[];
  /** Everything drawn, labels included, with a margin. */
  bounds: Box;
}

/** Offsets of the kept rows (or columns): an empty one gives up its size but keeps its gap. */
function offsets(count: number, kept: (i: number) => boolean, size: number, gap: (i: number) => number): number[] {
  const result: number[] = [];
  let at = 0;
  for (let i = 0; i < count; i++) {
    result.push(at);
    at += (kept(i) ? size : 0) + gap(i);
  }
  return result;
}

export function diagramLayout(name: LayoutName, visible: readonly NodeId[], engine: DbEngine): DiagramLayout {
  const grid = GRIDS[name];
  const shown = new Set(visible);
  const cells = visible.map((id) => grid.cells[id]);
  const rowCount = Math.max(...cells.map((c) => c.row)) + 1;
  const colCount = Math.max(...cells.map((c) => c.col)) + 1;
  const ys = offsets(rowCount, (r) => cells.some((c) => c.row === r), NODE_HEIGHT, (r) => grid.rowGaps[r] ?? 0);
  const xs = offsets(colCount, (col) => cells.some((c) => c.col === col), NODE_WIDTH, () => COL_GAP);

  const nodes: Partial<Record<NodeId, Box>> = {};
  for (const id of visible) {
    const { col, row } = grid.cells[id];
    nodes[id] = { x: xs[col]!, y: ys[row]!, width: NODE_WIDTH, height: NODE_HEIGHT };
  }
  const zones = placeZones(nodes);
  const drawn = links(engine)
    .filter((link) => shown.has(link.a) && shown.has(link.b))
    .map((link) => ({ link, segment: segmentBetween(nodes[link.a]!, nodes[link.b]!) }));
  // Labels may make the drawing taller, not wider: width is what sets the zoom.
  const extent = union([...Object.values(nodes), ...zones.map((z) => z.box)]);
  const within = { x: extent.x, width: extent.width, y: -1e6, height: 2e6 };
  const tags = visible.flatMap((id) => {
    const tag = securityGroupTag(id);
    return tag ? [tagBox(nodes[id]!, tag)] : [];
  });
  const taken: Box[] = [...Object.values(nodes), ...tags, ...zones.map((z) => z.titleBox)];
  // Level links first: their labels fit only in the gap between two nodes, upright ones have more choice.
  const level = (s: Segment) => Math.abs(s.to.x - s.from.x) >= Math.abs(s.to.y - s.from.y);
  const order = [...drawn.filter((d) => level(d.segment)), ...drawn.filter((d) => !level(d.segment))];
  const labels = new Map<string, PlacedLabel>();
  for (const { link, segment } of order) {
    const others = drawn.filter((d) => d.link.id !== link.id).map((d) => d.segment);
    const label = placeLabelAvoiding(segment, link.label, { boxes: taken, lines: others, within }, grid.labels?.[link.id]);
    taken.push(label.box);
    labels.set(link.id, label);
  }
  const placedLinks: PlacedLink[] = drawn.map(({ link, segment }) => ({ link, segment, label: labels.get(link.id)! }));
  const bounds = union([extent, ...placedLinks.map((l) => l.label.box)], MARGIN);
  return { name, nodes, zones, tags, links: placedLinks, bounds };
}

/** The drawn link between two nodes, whichever way round it was declared. */
export function placedLinkBetween(layout: DiagramLayout, a: NodeId, b: NodeId): PlacedLink | undefined {
  return layout.links.find((l) => (l.link.a === a && l.link.b === b) || (l.link.a === b && l.link.b === a));
}
