/**
 * What the diagram's colours and shapes mean: a service's state (its border), the packets, and the boxes
 * around the services. Static, so the placeholder drawing shows it too and nothing moves when the
 * interactive diagram arrives.
 */
import type { LegKind } from '@/lib/sim';
import { SELECTED_CLASSES, TONE_CLASSES, TONE_ORDER, TONE_WORDS } from './node-tones';
import { PACKET_RADIUS, PACKET_STYLE, PacketShape } from './PacketShape';

const KINDS = Object.keys(PACKET_STYLE) as LegKind[];

function Swatch({ className }: { className: string }) {
  return <span aria-hidden="true" className={`inline-block h-3.5 w-6 shrink-0 rounded border-2 ${className}`} />;
}

const item = 'inline-flex items-center gap-1.5';
const list = 'm-0 flex list-none flex-wrap items-center gap-x-4 gap-y-1.5 p-0';

export function DiagramLegend() {
  const box = PACKET_RADIUS + 3;
  return (
    <div className="flex flex-col gap-1.5 text-xs text-slate-700 dark:text-slate-300">
      <ul className={list} aria-label="Legend: service states">
        {TONE_ORDER.map((tone) => (
          <li key={tone} className={item}>
            <Swatch className={TONE_CLASSES[tone]} />
            {TONE_WORDS[tone][0]!.toUpperCase() + TONE_WORDS[tone].slice(1)}
          </li>
        ))}
        <li className={item}>
          <Swatch className={`${TONE_CLASSES.idle} ${SELECTED_CLASSES}`} />
          Selected
        </li>
      </ul>
      <ul className={list} aria-label="Legend: packets">
        {KINDS.map((kind) => (
          <li key={kind} className={item}>
            <svg width={18} height={18} viewBox={`${-box} ${-box} ${2 * box} ${2 * box}`} aria-hidden="true">
              <PacketShape kind={kind} />
            </svg>
            {PACKET_STYLE[kind].label}
          </li>
        ))}
        <li className={item}>The point shows which way it travels</li>
      </ul>
      <ul className={list} aria-label="Legend: boxes">
        <li className={item}>
          <Swatch className="border-orange-400 dark:border-orange-600" />
          Edge location
        </li>
        <li className={item}>
          <Swatch className="border-slate-400 dark:border-slate-500" />
          VPC
        </li>
        <li className={item}>
          <Swatch className="border-dashed border-sky-500 dark:border-sky-600" />
          Subnet, guarded by its network ACL (NACL)
        </li>
        <li className={item}>
          <span aria-hidden="true" className="rounded border border-slate-400 bg-slate-100 px-1 font-mono text-slate-800 dark:border-slate-500 dark:bg-slate-800 dark:text-slate-100">
            sg-…
          </span>
          Security group
        </li>
      </ul>
    </div>
  );
}
