/**
 * The zones drawn behind the nodes: the edge location, the VPC and the subnets that hold a visible service. What
 * they are, what they are called and who sits in which come from the network (`lib/sim/network.ts`); here is only
 * how they are drawn. Every subnet has a network ACL (the legend says so, so the zone titles stay short enough to
 * read at a legible size), and a service's security group is a tag on its border.
 */
import { NETWORK_ZONES, NODE_IDS, PLACEMENT, type NodeId, type Zone, type ZoneId } from '@/lib/sim';
import { union, type Box } from './geometry';
import { FONT, LINE_HEIGHT, sansWidth } from './typography';

export interface DrawnZone extends Zone {
  /** The nodes it surrounds directly. */
  members: NodeId[];
  /** The zones drawn inside it. */
  contains: ZoneId[];
}

export const ZONES: readonly DrawnZone[] = NETWORK_ZONES.map((zone) => ({
  ...zone,
  members: NODE_IDS.filter((id) => PLACEMENT[id].zone === zone.id),
  contains: NETWORK_ZONES.filter((inner) => inner.parent === zone.id).map((inner) => inner.id),
}));

/** Room between a zone's border and what it holds. */
export const ZONE_PAD = 10;
/** Where the title starts inside the border. */
export const ZONE_TITLE_INSET = { x: 10, y: 3 };

/** The security group drawn as a tag on a node's border, if any. */
export function securityGroupTag(id: NodeId): string | undefined {
  return PLACEMENT[id].securityGroups[0];
}

export interface PlacedZone {
  zone: DrawnZone;
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
 * The edge location gets a little more room so the Shield→edge packets are clear of its border.
 */
export function placeZones(nodes: Partial<Record<NodeId, Box>>): PlacedZone[] {
  const placed: PlacedZone[] = [];
  // An outer zone's box is built around its members and the boxes of the zones inside it, so those come first.
  const place = (zone: DrawnZone): Box | null => {
    const inner = [...zone.members.flatMap((id) => (nodes[id] ? [nodes[id]] : [])), ...zone.contains.flatMap((id) => place(ZONES.find((z) => z.id === id)!) ?? [])];
    if (inner.length === 0) return null;
    const pad = zone.kind === 'edge-location' ? ZONE_PAD + 2 : ZONE_PAD;
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
    placed.push({ zone, box, titleBox });
    return box;
  };
  for (const zone of ZONES) if (zone.parent === null) place(zone);
  return placed.reverse();
}
