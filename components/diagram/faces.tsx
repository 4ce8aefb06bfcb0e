/**
 * How a service, a zone and a link label look, in one place for the interactive diagram (React Flow's nodes and
 * edge labels) and the drawing that stands in for it until the learner first uses the page (StaticDiagram). Both
 * draw from the same layout, so with the same faces a learner who only looks sees one diagram, not two.
 * No hooks and no React Flow here: the faces render on the server and inside an SVG `foreignObject` alike.
 */
import type { NodeTone } from '@/lib/playback/frame';
import type { Protocol, ZoneKind } from '@/lib/sim';
import { LABEL_MIN_HEIGHT, LABEL_PAD_X, LABEL_PAD_Y } from './link-label';
import { SELECTED_CLASSES, TONE_CLASSES } from './node-tones';
import { FONT, LINE_HEIGHT } from './typography';
import { ZONE_TONE_CLASSES } from './zone-tones';
import { ZONE_TITLE_INSET } from './zones';

/** A service's box: its border and fill say its state in the run. */
export function nodeFaceClass(tone: NodeTone, selected: boolean): string {
  return `flex h-full w-full flex-col items-start justify-center rounded-lg border-2 px-2 text-left shadow-sm transition-colors ${TONE_CLASSES[tone]} ${selected ? SELECTED_CLASSES : ''}`;
}

/** A service's name and, wrapping under it, the real thing it stands for. */
export function NodeText({ label, counterpart }: { label: string; counterpart: string }) {
  return (
    <>
      <span data-part="title" className="font-semibold" style={{ fontSize: FONT.title, lineHeight: LINE_HEIGHT }}>
        {label}
      </span>{' '}
      <span data-part="counterpart" className="text-slate-700 dark:text-slate-300" style={{ fontSize: FONT.counterpart, lineHeight: LINE_HEIGHT }}>
        {counterpart}
      </span>
    </>
  );
}

/** A security group's tag on a service's top border (its box from layout.ts's `tagBox`). */
export const SECURITY_GROUP_TAG_CLASS = 'rounded border border-slate-400 bg-slate-100 font-mono text-slate-800 dark:border-slate-500 dark:bg-slate-800 dark:text-slate-100';
export const SECURITY_GROUP_TAG_STYLE = { fontSize: FONT.counterpart, lineHeight: 1.2 } as const;

/** A zone behind the services; its title wraps within the zone, as the layout reserved room for. */
export function ZoneFace({ title, kind, width, height }: { title: string; kind: ZoneKind; width: number; height: number }) {
  return (
    <div aria-hidden="true" className={`relative rounded-xl border-2 ${ZONE_TONE_CLASSES[kind]}`} style={{ width, height }}>
      <span
        data-part="zone-title"
        className="absolute font-medium text-slate-700 dark:text-slate-300"
        style={{ left: ZONE_TITLE_INSET.x - 2, top: ZONE_TITLE_INSET.y - 2, maxWidth: width - 2 * ZONE_TITLE_INSET.x, fontSize: FONT.zone, lineHeight: LINE_HEIGHT }}
      >
        {title}
      </span>
    </div>
  );
}

/** Link strokes: mid-tones that read on the light and the dark page alike. */
export const LINK_STROKE = { idle: '#64748b', active: '#3b82f6', selected: '#8b5cf6' } as const;

/** A link with no connection of its own (the WAF's web ACL, evaluated inside the edge) is dashed. */
export function linkDash(protocol: Protocol): string | undefined {
  return protocol === 'inline' ? '5 4' : undefined;
}

/** A link's label box: protocol and port, one line each when stacked. */
export function linkLabelClass(selected: boolean, active: boolean): string {
  return `flex flex-col justify-center rounded border bg-white text-left font-mono whitespace-nowrap text-slate-800 dark:bg-slate-900 dark:text-slate-100 ${
    selected ? 'border-violet-600 outline-2 outline-violet-600 dark:border-violet-400 dark:outline-violet-400' : active ? 'border-blue-500' : 'border-slate-400 dark:border-slate-500'
  }`;
}

export const LINK_LABEL_STYLE = {
  fontSize: FONT.label,
  lineHeight: LINE_HEIGHT,
  padding: `${LABEL_PAD_Y}px ${LABEL_PAD_X}px`,
  minHeight: LABEL_MIN_HEIGHT,
} as const;

export function LinkLabelLines({ lines }: { lines: readonly string[] }) {
  return lines.map((line, i) => (
    <span key={`${i}-${line}`} data-part="link-label" className="block">
      {line}
    </span>
  ));
}
