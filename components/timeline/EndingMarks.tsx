'use client';

/**
 * Under the scrubber: when the learner's answer arrived and, when servers went on working after it, the
 * stretch of work nobody reads and when it ended. Each label is a button that steps to that moment.
 */
import { endingOf } from '@/lib/playback/answer';
import { fractionOf } from '@/lib/playback/timeline';
import { useResult, useSandbox, useSandboxStore, useTimeline } from '@/components/sandbox/store-context';
import { formatMs } from '@/components/ui/format';
import { trackLeft } from './track';

const HATCH = 'bg-[repeating-linear-gradient(45deg,var(--color-amber-400)_0_4px,transparent_4px_8px)]';
const linkClass = 'inline-flex items-center gap-1.5 rounded px-1 text-left underline decoration-dotted underline-offset-2 hover:bg-slate-100 dark:hover:bg-slate-800';

export function EndingMarks() {
  const store = useSandboxStore();
  const scale = useSandbox((s) => s.scale);
  const timeline = useTimeline();
  const result = useResult();
  if (timeline.totalSimMs <= 0) return null;
  const ending = endingOf(result);
  const answered = result.outcome.status !== null;
  const answerAt = fractionOf(timeline, scale, ending.answerAt);
  const lastUnread = result.events.findLast((e) => e.kind === 'orphaned');

  return (
    <div className="text-xs text-slate-700 dark:text-slate-300">
      <div className="relative h-2.5" aria-hidden="true">
        {ending.workAfterAnswer ? <div className={`absolute inset-y-0.5 rounded-sm opacity-80 ${HATCH}`} style={{ left: trackLeft(answerAt), right: '0.5rem' }} /> : null}
        <div className="absolute inset-y-0 w-0.5 bg-emerald-700 dark:bg-emerald-400" style={{ left: trackLeft(answerAt) }} />
      </div>
      <div className="flex flex-wrap gap-x-3">
        <button
          type="button"
          className={linkClass}
          onClick={() => (ending.answerEvent ? store.getState().jumpToEvent(ending.answerEvent.id) : store.getState().seek(ending.answerAt))}
        >
          <span aria-hidden="true" className="inline-block h-3 w-0.5 bg-emerald-700 dark:bg-emerald-400" />
          {answered ? `Answer at ${formatMs(ending.answerAt)}` : `Browser gave up at ${formatMs(ending.answerAt)}`}
        </button>
        {ending.workAfterAnswer ? (
          <button type="button" className={linkClass} onClick={() => (lastUnread ? store.getState().jumpToEvent(lastUnread.id) : store.getState().toEnd())}>
            <span aria-hidden="true" className={`inline-block h-3 w-4 rounded-sm ${HATCH}`} />
            Work nobody reads, until {formatMs(ending.workEndedAt)}
          </button>
        ) : null}
      </div>
    </div>
  );
}
