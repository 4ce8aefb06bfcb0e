/**
 * The groups drawn behind the nodes: the edge location, the VPC, and its subnets. Security groups sit on
 * the ALB, app and database (a tag on the node); every subnet has a network ACL (the legend says so, so
 * the zone titles stay short enough to read at a legible size).
 */
import type { NodeId } from '@/lib/sim';
import { union, type Box } from './geometry';
import { FONT, LINE_HEIGHT, sansWidth } from './typography';

export type ZoneTone = 'pop' | 'vpc' | 'public' | 'private';

export interface Zone {
  id: string;
  title: string;
  /** The nodes it surrounds directly. */
  members: NodeId[];
  /** The zones drawn inside it. */
  contains: string[];
  tone: ZoneTone;
}

/** Inner zones first: an outer zone's box is built around theirs. */
export const ZONES: readonly Zone[] = [
  { id: 'pop', title: 'CloudFront edge location', members: ['shield', 'waf', 'edge'], contains: [], tone: 'pop' },
  { id: 'public', title: 'Public subnet', members: ['alb'], contains: [], tone: 'public' },
  { id: 'private-app', title: 'Private app subnet', members: ['web', 'app'], contains: [], tone: 'private' },
  { id: 'private-data', title: 'Private data subnet', members: ['db'], contains: [], tone: 'private' },
  { id: 'vpc', title: 'VPC 10.0.0.0/16', members: [], contains: ['public', 'private-app', 'private-data'], tone: 'vpc' },
];

/** Room between a zone's border and what it holds. */
export const ZONE_PAD = 10;
/** Where the title starts inside the border. */
export const ZONE_TITLE_INSET = { x: 10, y: 3 };

/** Nodes that carry a security group tag. */
export const SECURITY_GROUPS: Partial<Record<NodeId, string>> = {
  alb: 'sg-alb',
  app: 'sg-app',
  db: 'sg-db',
};

export interface PlacedZone {
  zone: Zone;
  box: Box;
  /** Where the title's text runs (it wraps to the zone's width). */
  titleBox: Box;
}

function titleLines(title: string, innerWidth: number): number {
  return Math.max(1, Math.ceil(sansWidth(title, FONT.zone) / innerWidth));
}

/** A band on top of a zone holds its title; the members sit below it. */
export function titleBand(lines: number): number {
  return lines * FONT.zone * LINE_HEIGHT + 2 * ZONE_TITLE_INSET.y;
}

/**
 * Boxes for the zones that hold at least one visible node, outer zones first (drawing order).
 * The pop zone gets a little more room so the Shield→edge packets are clear of its border.
 */
export function placeZones(nodes: Partial<Record<NodeId, Box>>): PlacedZone[] {
  const placed = new Map<string, PlacedZone>();
  for (const zone of ZONES) {
    const inner = [...zone.members.flatMap((id) => (nodes[id] ? [nodes[id]] : [])), ...zone.contains.flatMap((id) => (placed.has(id) ? [placed.get(id)!.box] : []))];
    if (inner.length === 0) continue;
    const pad = zone.tone === 'pop' ? ZONE_PAD + 2 : ZONE_PAD;
    const around = union(inner, pad);
    const innerWidth = around.width - 2 * ZONE_TITLE_INSET.x;
    const lines = titleLines(zone.title, innerWidth);
    const band = titleBand(lines);
    const box = { x: around.x, y: around.y - band, width: around.width, height: around.height + band };
    const titleBox = {
      x: box.x + ZONE_TITLE_INSET.x,
      y: box.y + ZONE_TITLE_INSET.y,
      width: Math.min(innerWidth, sansWidth(zone.title, FONT.zone)),
      height: lines * FONT.zone * LINE_HEIGHT,
    };
    placed.set(zone.id, { zone, box, titleBox });
  }
  return [...placed.values()].reverse();
}
