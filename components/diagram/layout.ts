/**
 * Where everything sits on the diagram, as plain data. A grid of columns (the request's path, left to
 * right) and lanes; on a narrow screen the same grid turns a quarter, so the path runs top to bottom.
 * Links are straight lines between node borders, so packet positions are simple to compute.
 */
import type { NodeId } from '@/lib/sim';

export type Orientation = 'horizontal' | 'vertical';

export const NODE_WIDTH = 132;
export const NODE_HEIGHT = 60;

/** Column along the path, lane across it. */
const GRID: Record<NodeId, { col: number; lane: number }> = {
  dns: { col: 0, lane: 0 },
  browser: { col: 0, lane: 1 },
  shield: { col: 1, lane: 1 },
  waf: { col: 2, lane: 0 },
  edge: { col: 2, lane: 1 },
  s3: { col: 2, lane: 2 },
  alb: { col: 3, lane: 1 },
  web: { col: 4, lane: 1 },
  app: { col: 5, lane: 1 },
  db: { col: 5, lane: 2 },
  thirdparty: { col: 6, lane: 1 },
};

const SPACING = {
  horizontal: { col: 222, lane: 150 },
  vertical: { col: 128, lane: 168 },
};

export interface Point {
  x: number;
  y: number;
}

/** Top-left corner of a node. */
export function nodePosition(id: NodeId, orientation: Orientation): Point {
  const { col, lane } = GRID[id];
  const s = SPACING[orientation];
  return orientation === 'horizontal' ? { x: col * s.col, y: lane * s.lane } : { x: lane * s.lane, y: col * s.col };
}

export function nodeCenter(id: NodeId, orientation: Orientation): Point {
  const p = nodePosition(id, orientation);
  return { x: p.x + NODE_WIDTH / 2, y: p.y + NODE_HEIGHT / 2 };
}

/** Where the straight line from a node's centre towards `toward` leaves the node's rectangle. */
function borderPoint(center: Point, toward: Point): Point {
  const dx = toward.x - center.x;
  const dy = toward.y - center.y;
  if (dx === 0 && dy === 0) return center;
  const scale = Math.min(dx === 0 ? Infinity : NODE_WIDTH / 2 / Math.abs(dx), dy === 0 ? Infinity : NODE_HEIGHT / 2 / Math.abs(dy));
  return { x: center.x + dx * scale, y: center.y + dy * scale };
}

export interface Segment {
  from: Point;
  to: Point;
}

/** The drawn line between two adjacent nodes, border to border. */
export function segmentBetween(a: NodeId, b: NodeId, orientation: Orientation): Segment {
  const ca = nodeCenter(a, orientation);
  const cb = nodeCenter(b, orientation);
  return { from: borderPoint(ca, cb), to: borderPoint(cb, ca) };
}

export function pointAlong(segment: Segment, progress: number): Point {
  return { x: segment.from.x + (segment.to.x - segment.from.x) * progress, y: segment.from.y + (segment.to.y - segment.from.y) * progress };
}

export interface Zone {
  id: string;
  label: string;
  /** Which nodes it surrounds. */
  members: NodeId[];
  /** How far it reaches past its members, so nested zones stay visible. */
  padding: number;
  tone: 'pop' | 'vpc' | 'public' | 'private';
}

/**
 * The groups drawn behind the nodes: the edge location, the VPC, and its subnets.
 * Security groups sit on the ALB, app and database; NACLs on the subnets.
 */
export const ZONES: readonly Zone[] = [
  { id: 'pop', label: 'CloudFront edge location', members: ['shield', 'waf', 'edge'], padding: 22, tone: 'pop' },
  { id: 'vpc', label: 'VPC 10.0.0.0/16', members: ['alb', 'web', 'app', 'db'], padding: 44, tone: 'vpc' },
  { id: 'public', label: 'Public subnet · NACL', members: ['alb'], padding: 20, tone: 'public' },
  { id: 'private-app', label: 'Private app subnet · NACL', members: ['web', 'app'], padding: 20, tone: 'private' },
  { id: 'private-data', label: 'Private data subnet · NACL', members: ['db'], padding: 20, tone: 'private' },
];

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export function zoneBox(zone: Zone, orientation: Orientation): Box {
  const points = zone.members.map((m) => nodePosition(m, orientation));
  const minX = Math.min(...points.map((p) => p.x)) - zone.padding;
  const minY = Math.min(...points.map((p) => p.y)) - zone.padding - 14;
  const maxX = Math.max(...points.map((p) => p.x)) + NODE_WIDTH + zone.padding;
  const maxY = Math.max(...points.map((p) => p.y)) + NODE_HEIGHT + zone.padding;
  return { x: minX, y: minY, width: maxX - minX, height: maxY - minY };
}

/** Nodes that carry a security group badge. */
export const SECURITY_GROUPS: Partial<Record<NodeId, string>> = {
  alb: 'sg-alb',
  app: 'sg-app',
  db: 'sg-db',
};
