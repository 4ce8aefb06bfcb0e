/**
 * What the diagram's colours and shapes mean: a service's state (its border), the packets, and the boxes
 * around the services. Static, so the placeholder drawing shows it too and nothing moves when the
 * interactive diagram arrives.
 */
import type { ReactNode } from 'react';
import type { LegKind } from '@/lib/sim';
import { SELECTED_CLASSES, TONE_CLASSES, TONE_ORDER, TONE_WORDS } from './node-tones';
import { PACKET_RADIUS, PACKET_STYLE, PacketShape } from './PacketShape';
import { ZONE_TONE_CLASSES } from './zone-tones';

const KINDS = Object.keys(PACKET_STYLE) as LegKind[];

function Swatch({ className }: { className: string }) {
  return <span aria-hidden="true" className={`inline-block h-3.5 w-6 shrink-0 rounded border-2 ${className}`} />;
}

function Row({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
      <span className="font-semibold text-slate-800 dark:text-slate-200">{title}</span>
      <ul className="m-0 flex list-none flex-wrap items-center gap-x-4 gap-y-1.5 p-0" aria-label={`Legend: ${title.toLowerCase()}`}>
        {children}
      </ul>
    </div>
  );
}

const item = 'inline-flex items-center gap-1.5';

export function DiagramLegend() {
  const box = PACKET_RADIUS + 3;
  return (
    <div className="flex flex-col gap-1.5 text-xs text-slate-700 dark:text-slate-300">
      <Row title="Services">
        {TONE_ORDER.map((tone) => (
          <li key={tone} className={item}>
            {/* The "working now" ring and the selection outline reach past the swatch; margins keep them off the words. */}
            <Swatch className={`${TONE_CLASSES[tone]} ${tone === 'active' ? 'mx-1' : ''}`} />
            {TONE_WORDS[tone][0]!.toUpperCase() + TONE_WORDS[tone].slice(1)}
          </li>
        ))}
        <li className={item}>
          <Swatch className={`${TONE_CLASSES.idle} ${SELECTED_CLASSES} mx-1.5`} />
          Selected
        </li>
      </Row>
      <Row title="Packets, pointing the way they travel">
        {KINDS.map((kind) => (
          <li key={kind} className={item}>
            <svg width={18} height={18} viewBox={`${-box} ${-box} ${2 * box} ${2 * box}`} aria-hidden="true">
              <PacketShape kind={kind} />
            </svg>
            {PACKET_STYLE[kind].label}
          </li>
        ))}
      </Row>
      <Row title="Boxes">
        <li className={item}>
          <Swatch className={ZONE_TONE_CLASSES['edge-location']} />
          Edge location
        </li>
        <li className={item}>
          <Swatch className={ZONE_TONE_CLASSES.vpc} />
          VPC
        </li>
        <li className={item}>
          <Swatch className={ZONE_TONE_CLASSES['private-subnet']} />
          Subnet, guarded by its network ACL (NACL)
        </li>
        <li className={item}>
          <span aria-hidden="true" className="rounded border border-slate-400 bg-slate-100 px-1 font-mono text-slate-800 dark:border-slate-500 dark:bg-slate-800 dark:text-slate-100">
            sg-…
          </span>
          Security group
        </li>
      </Row>
    </div>
  );
}
