import { describe, expect, it } from 'vitest';
import { NETWORK_ZONES, NODE_IDS, PLACEMENT, runScenario, type NodeId, type ZoneId } from '@/lib/sim';
import { PRESETS, scenarioForPreset } from '@/lib/scenario/presets';
import type { DbEngine } from '@/lib/scenario/schema';
import { fitDiagram, layoutsFor, ZOOM_FLOOR } from './fit';
import { overlaps, segmentCrosses, type Box, type Point, type Segment } from './geometry';
import { diagramLayout, LAYOUT_NAMES, type DiagramLayout } from './layout';
import { widthRanges } from './StaticDrawings';
import { LABEL_CLEARANCE } from './link-label';
import { FONT } from './typography';
import { ZONES } from './zones';

/** The services each preset's run reaches: the focused views a lesson can show. */
function presetViews(): [string, NodeId[]][] {
  return PRESETS.map((preset) => {
    const seen = new Set<NodeId>(['browser']);
    for (const e of runScenario(scenarioForPreset(preset.id)!).events) for (const id of [e.from, e.to, ...(e.via ?? [])]) seen.add(id);
    return [preset.id, NODE_IDS.filter((id) => seen.has(id))];
  });
}

const VIEWS: [string, NodeId[]][] = [['everything', [...NODE_IDS]], ...presetViews()];
const ENGINES: DbEngine[] = ['postgres', 'mongodb'];

function cases(): [string, DiagramLayout][] {
  return VIEWS.flatMap(([view, visible]) => LAYOUT_NAMES.flatMap((name) => ENGINES.map((engine) => [`${name} ${view} ${engine}`, diagramLayout(name, visible, engine)] as [string, DiagramLayout])));
}

function pointToSegment(p: Point, s: Segment): number {
  const dx = s.to.x - s.from.x;
  const dy = s.to.y - s.from.y;
  const t = Math.max(0, Math.min(1, ((p.x - s.from.x) * dx + (p.y - s.from.y) * dy) / (dx * dx + dy * dy || 1)));
  return Math.hypot(p.x - (s.from.x + t * dx), p.y - (s.from.y + t * dy));
}

function pointToBox(p: Point, b: Box): number {
  const dx = Math.max(b.x - p.x, 0, p.x - (b.x + b.width));
  const dy = Math.max(b.y - p.y, 0, p.y - (b.y + b.height));
  return Math.hypot(dx, dy);
}

/** How near a straight segment comes to a box (0 when it crosses it). */
function distance(s: Segment, b: Box): number {
  if (segmentCrosses(s, b)) return 0;
  const corners = [
    { x: b.x, y: b.y },
    { x: b.x + b.width, y: b.y },
    { x: b.x, y: b.y + b.height },
    { x: b.x + b.width, y: b.y + b.height },
  ];
  return Math.min(...corners.map((c) => pointToSegment(c, s)), pointToBox(s.from, b), pointToBox(s.to, b));
}

/** Nodes a zone holds, through the zones inside it. */
function holds(zoneId: string): NodeId[] {
  const zone = ZONES.find((z) => z.id === zoneId)!;
  return [...zone.members, ...zone.contains.flatMap(holds)];
}

function within(inner: Box, outer: Box): boolean {
  return inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height;
}

/** A zone and every zone it sits in. */
function zoneChain(id: ZoneId | null): ZoneId[] {
  if (id === null) return [];
  return [id, ...zoneChain(NETWORK_ZONES.find((z) => z.id === id)!.parent)];
}

describe.each(cases())('%s', (_, layout) => {
  const nodes = Object.entries(layout.nodes) as [NodeId, Box][];
  const labels = layout.links.map((l) => [l.link.id, l.label.box] as const);
  const titles = layout.zones.map((z) => [z.zone.id, z.titleBox] as const);

  it('no label covers a node, a tag, a zone title or another label', () => {
    const clashes: string[] = [];
    labels.forEach(([id, box], i) => {
      for (const [node, nodeBox] of nodes) if (overlaps(box, nodeBox)) clashes.push(`${id} × ${node}`);
      for (const tag of layout.tags) if (overlaps(box, tag)) clashes.push(`${id} × a tag`);
      for (const [zone, title] of titles) if (overlaps(box, title)) clashes.push(`${id} × ${zone} title`);
      for (const [other, otherBox] of labels.slice(i + 1)) if (overlaps(box, otherBox)) clashes.push(`${id} × ${other}`);
    });
    expect(clashes).toEqual([]);
  });

  it('no label sits on another link, and each keeps clear of its own line for packets', () => {
    const clashes: string[] = [];
    for (const { link, label } of layout.links) {
      for (const other of layout.links) if (other.link.id !== link.id && segmentCrosses(other.segment, label.box)) clashes.push(`${link.id} on ${other.link.id}`);
    }
    expect(clashes).toEqual([]);
    // A packet (radius under the clearance) travelling its own line never reaches the label.
    for (const { segment, label } of layout.links) expect(distance(segment, label.box)).toBeGreaterThan(LABEL_CLEARANCE - 0.5);
  });

  it('zone titles clear the nodes and tags, and fit inside their zone', () => {
    for (const { zone, box, titleBox } of layout.zones) {
      for (const [, nodeBox] of nodes) expect(overlaps(titleBox, nodeBox)).toBe(false);
      for (const tag of layout.tags) expect(overlaps(titleBox, tag)).toBe(false);
      expect(titleBox.x + titleBox.width).toBeLessThanOrEqual(box.x + box.width);
      expect(zone.title.length).toBeGreaterThan(0);
    }
  });

  it('a zone never seems to hold a service it does not', () => {
    for (const { zone, box } of layout.zones) {
      const inside = holds(zone.id);
      for (const [node, nodeBox] of nodes) if (!inside.includes(node)) expect(overlaps(box, nodeBox), `${node} in ${zone.id}`).toBe(false);
    }
  });

  it('draws every node inside exactly the zone the network puts it in and the zones around that one', () => {
    for (const [node, nodeBox] of nodes) {
      const around = layout.zones.filter(({ box }) => within(nodeBox, box)).map(({ zone }) => zone.id);
      expect(around.sort(), node).toEqual(zoneChain(PLACEMENT[node].zone).sort());
    }
  });

  it('nodes do not touch', () => {
    nodes.forEach(([, a], i) => nodes.slice(i + 1).forEach(([, b]) => expect(overlaps(a, b)).toBe(false)));
  });
});

describe('fit', () => {
  // Container widths measured on the pages: the sandbox at 1280 and 375 px, a lesson, the landing demo.
  const widths = { full: [926, 349, 736, 1184], compact: [639, 628, 323, 341] } as const;
  const all = layoutsFor([...NODE_IDS], 'postgres');

  it.each(Object.entries(widths).flatMap(([size, list]) => list.map((w) => [size as 'full' | 'compact', w] as const)))('%s at %d px: legible without panning', (size, width) => {
    const fit = fitDiagram(all, width, size);
    expect(fit.overflows).toBe(false);
    expect(FONT.title * fit.zoom).toBeGreaterThanOrEqual(size === 'full' ? 12 : 11);
    expect(FONT.label * fit.zoom).toBeGreaterThanOrEqual(10);
  });

  it('the sandbox at 1280 px gets the wide layout, a phone the narrow one', () => {
    expect(fitDiagram(all, 926, 'full').layout.name).toBe('wide');
    expect(fitDiagram(all, 349, 'full').layout.name).toBe('narrow');
    expect(fitDiagram(all, 639, 'compact').layout.name).toBe('medium');
  });

  it('in a window too short for the layout the width picks, takes the one that shows the most, at the floor', () => {
    // The sandbox's stage at 1085×800: the medium layout fits the width but would hide a third of its height.
    const fit = fitDiagram(all, 760, 'full', 380);
    expect(fit.layout.name).toBe('wide');
    expect(fit.zoom).toBe(ZOOM_FLOOR.full);
    expect(fit.overflows).toBe(true);
    // With room to spare, the width decides as before, and nothing pans.
    const roomy = fitDiagram(all, 926, 'full', 460);
    expect(roomy.layout.name).toBe('wide');
    expect(roomy.overflows).toBe(false);
    expect(roomy.height).toBeLessThanOrEqual(460);
  });

  it('keeps the floor and pans on a container too narrow for any layout', () => {
    const fit = fitDiagram(all, 200, 'full');
    expect(fit.zoom).toBe(ZOOM_FLOOR.full);
    expect(fit.overflows).toBe(true);
    expect(fit.x).toBe(-fit.layout.bounds.x * fit.zoom);
  });

  it('centres a drawing narrower than its container, never larger than drawn', () => {
    const fit = fitDiagram(all, 1600, 'full');
    expect(fit.zoom).toBe(1);
    expect(fit.x + fit.layout.bounds.x).toBeCloseTo((1600 - fit.layout.bounds.width) / 2);
    expect(fit.height).toBe(fit.layout.bounds.height);
  });
});

describe('the placeholder drawing', () => {
  it.each(VIEWS)('picks the layout the interactive diagram picks, at every width (%s)', (_, visible) => {
    const layouts = layoutsFor(visible, 'postgres');
    for (const size of ['full', 'compact'] as const) {
      const ranges = widthRanges(layouts, size);
      for (let width = 200; width <= 1400; width += 7) {
        const range = ranges.find((r) => r.from <= width && width < r.to);
        expect(range?.name, `${size} at ${width}`).toBe(fitDiagram(layouts, width, size).layout.name);
      }
    }
  });
});
