/**
 * The topology as a plain SVG, drawn from the same layout as the interactive diagram. It is the first
 * thing painted (the static HTML has it), and React Flow replaces it once loaded, so the page never
 * shows an empty box. It carries no information the interactive diagram and the event log do not.
 */
import { links, NODE_IDS, NODES } from '@/lib/sim';
import { NODE_HEIGHT, NODE_WIDTH, nodePosition, segmentBetween, ZONES, zoneBox, type Orientation } from './layout';

const ZONE_STROKE = { pop: '#fb923c', vpc: '#94a3b8', public: '#10b981', private: '#0ea5e9' } as const;

function bounds(orientation: Orientation) {
  const boxes = [...ZONES.map((z) => zoneBox(z, orientation)), ...NODE_IDS.map((id) => ({ ...nodePosition(id, orientation), width: NODE_WIDTH, height: NODE_HEIGHT }))];
  const minX = Math.min(...boxes.map((b) => b.x)) - 10;
  const minY = Math.min(...boxes.map((b) => b.y)) - 10;
  const maxX = Math.max(...boxes.map((b) => b.x + b.width)) + 10;
  const maxY = Math.max(...boxes.map((b) => b.y + b.height)) + 10;
  return `${minX} ${minY} ${maxX - minX} ${maxY - minY}`;
}

function Drawing({ orientation, className }: { orientation: Orientation; className: string }) {
  return (
    <svg viewBox={bounds(orientation)} className={className} aria-hidden="true" preserveAspectRatio="xMidYMid meet">
      {ZONES.map((zone) => {
        const box = zoneBox(zone, orientation);
        return <rect key={zone.id} x={box.x} y={box.y} width={box.width} height={box.height} rx={12} fill="none" stroke={ZONE_STROKE[zone.tone]} strokeWidth={2} strokeDasharray={zone.tone === 'public' || zone.tone === 'private' ? '6 4' : undefined} />;
      })}
      {links('postgres').map((link) => {
        const { from, to } = segmentBetween(link.a, link.b, orientation);
        return <line key={link.id} x1={from.x} y1={from.y} x2={to.x} y2={to.y} stroke="#64748b" strokeWidth={1.75} />;
      })}
      {NODE_IDS.map((id) => {
        const p = nodePosition(id, orientation);
        return (
          <g key={id}>
            <rect x={p.x} y={p.y} width={NODE_WIDTH} height={NODE_HEIGHT} rx={8} fill="currentColor" fillOpacity={0.04} stroke="#cbd5e1" strokeWidth={2} />
            <text x={p.x + 10} y={p.y + 25} fontSize={13} fontWeight={600} fill="currentColor">
              {NODES[id].label}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

export function StaticDiagram({ compact = false }: { compact?: boolean }) {
  return (
    <div
      className={`${compact ? 'h-[340px]' : 'h-[560px] sm:h-[var(--diagram-height,460px)]'} relative w-full overflow-hidden rounded-xl border border-slate-200 bg-slate-50/40 p-2 dark:border-slate-800 dark:bg-slate-900/40`}
    >
      <Drawing orientation="vertical" className="h-full w-full sm:hidden" />
      <Drawing orientation="horizontal" className="hidden h-full w-full sm:block" />
      <p className="sr-only" role="status">
        Loading the interactive diagram…
      </p>
    </div>
  );
}
