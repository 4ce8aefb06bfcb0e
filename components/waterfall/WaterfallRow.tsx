'use client';

import { memo, type MouseEvent } from 'react';
import type { NodeId } from '@/lib/sim';
import type { Bar, BarSegment } from '@/lib/playback/waterfall';
import { formatMs } from '@/components/ui/format';

/** Short names: a row's label has little room, and the diagram shows the long ones. */
export const SHORT_NAMES: Record<NodeId, string> = {
  browser: 'Browser',
  dns: 'DNS',
  shield: 'Shield',
  waf: 'WAF',
  edge: 'Edge',
  s3: 'S3',
  alb: 'ALB',
  web: 'Nginx',
  app: 'App',
  db: 'DB',
  thirdparty: 'Payments',
};

export const HATCH = 'bg-[repeating-linear-gradient(45deg,var(--color-amber-500)_0_3px,transparent_3px_6px)]';

type Tone = 'ok' | 'error' | 'gave-up' | 'open';

function toneOf(bar: Bar): Tone {
  if (bar.outcome === 'refused' || (bar.status !== null && bar.status >= 400)) return 'error';
  if (bar.outcome === 'timed-out' || bar.outcome === 'cancelled') return 'gave-up';
  return bar.outcome === 'open' ? 'open' : 'ok';
}

const SEGMENT_CLASS: Record<Tone, Record<Exclude<BarSegment['kind'], 'unread' | 'connect'>, string>> = {
  ok: { wait: 'bg-emerald-500/60 dark:bg-emerald-400/50', answer: 'bg-emerald-700 dark:bg-emerald-300' },
  error: { wait: 'bg-red-400/60 dark:bg-red-400/50', answer: 'bg-red-700 dark:bg-red-300' },
  'gave-up': { wait: 'bg-slate-400 dark:bg-slate-500', answer: 'bg-slate-600 dark:bg-slate-300' },
  open: { wait: 'bg-slate-300 dark:bg-slate-600', answer: 'bg-slate-500' },
};

function segmentClass(tone: Tone, segment: BarSegment): string {
  if (segment.kind === 'connect') return 'bg-orange-400 dark:bg-orange-300';
  if (segment.kind === 'unread') return `${HATCH} opacity-90`;
  return SEGMENT_CLASS[tone][segment.kind];
}

const SEGMENT_WORDS: Record<BarSegment['kind'], string> = {
  connect: 'Connecting',
  wait: 'Waiting',
  answer: 'Answer on its way back',
  unread: 'Work nobody reads',
};

/** What a screen reader hears for a bar: who called whom, how it ended, and when. */
export function describeBar(bar: Bar): string {
  const who = `${SHORT_NAMES[bar.caller]} → ${SHORT_NAMES[bar.callee]}${bar.attempt > 1 ? `, try ${bar.attempt}` : ''}`;
  const span = `${formatMs(bar.start)} to ${formatMs(bar.end)}`;
  const unread = bar.segments.find((s) => s.kind === 'unread');
  const endings: Record<Bar['outcome'], string> = {
    answered: bar.status !== null ? `answered ${bar.status}` : 'answered',
    refused: 'connection refused',
    'timed-out': `gave up waiting after ${formatMs(bar.end - bar.start)}`,
    cancelled: 'stopped when its caller gave up',
    open: 'still waiting when the run ended',
  };
  return `${who}: ${endings[bar.outcome]}, ${span}${unread ? `; work nobody reads until ${formatMs(unread.to)}` : ''}`;
}

interface RowProps {
  bar: Bar;
  index: number;
  place: (ms: number) => number;
  selected: boolean;
  tabIndex: 0 | -1;
  onPick: (index: number, eventId: number) => void;
}

/** One call as a bar on the time axis; clicking a stretch of it steps to the event that stretch shows. */
export const WaterfallRow = memo(function WaterfallRow({ bar, index, place, selected, tabIndex, onPick }: RowProps) {
  const tone = toneOf(bar);
  const onClick = (event: MouseEvent<HTMLLIElement>) => {
    const part = (event.target as HTMLElement).closest<HTMLElement>('[data-event]');
    onPick(index, part ? Number(part.dataset.event) : (bar.requestId ?? bar.id));
  };
  return (
    <li
      role="option"
      aria-selected={selected}
      aria-label={describeBar(bar)}
      data-option-index={index}
      data-current={selected ? '' : undefined}
      tabIndex={tabIndex}
      onClick={onClick}
      className={`grid h-6 cursor-pointer grid-cols-[var(--wf-label)_1fr] items-center hover:bg-slate-100 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-blue-700 dark:hover:bg-slate-800 ${selected ? 'bg-blue-100 shadow-[inset_4px_0_0_var(--color-blue-700)] dark:bg-blue-950 dark:shadow-[inset_4px_0_0_var(--color-blue-300)]' : ''}`}
    >
      <span className="truncate pr-1.5 text-[11px] sm:text-xs" style={{ paddingLeft: `${0.25 + bar.depth * 0.4}rem` }}>
        {SHORT_NAMES[bar.caller]} → {SHORT_NAMES[bar.callee]}
        {bar.attempt > 1 ? <span className="ml-1 text-slate-600 dark:text-slate-400">try {bar.attempt}</span> : null}
      </span>
      <span className="relative mr-2 h-3.5">
        {bar.segments.map((s) => {
          const left = place(s.from);
          return (
            <span
              key={`${s.kind}-${s.eventId}`}
              data-event={s.eventId}
              title={`${SEGMENT_WORDS[s.kind]}: ${formatMs(s.from)} → ${formatMs(s.to)}`}
              className={`absolute inset-y-0 min-w-0.5 ${segmentClass(tone, s)}`}
              style={{ left: `${left * 100}%`, width: `${Math.max(0, place(s.to) - left) * 100}%` }}
            />
          );
        })}
        {bar.timeoutAt !== null && bar.timeoutId !== null ? (
          <span
            data-event={bar.timeoutId}
            title={`Timed out at ${formatMs(bar.timeoutAt)}`}
            className="absolute -inset-y-0.5 w-0.5 bg-red-700 dark:bg-red-400"
            style={{ left: `${place(bar.timeoutAt) * 100}%` }}
          />
        ) : null}
      </span>
    </li>
  );
});
