'use client';

import { useMemo, useState } from 'react';
import { runScenario, type EventKind } from '@/lib/sim';
import { decodeLink } from '@/lib/scenario/url-codec';
import { eventPlace, eventTransport, formatMs } from '@/components/ui/format';

export function WalkthroughSteps({ link, kinds }: { link: string; kinds: string }) {
  const steps = useMemo(() => {
    const wanted = new Set(kinds.split(',').map((k) => k.trim()) as EventKind[]);
    return runScenario(decodeLink(link).scenario).events.filter((e) => wanted.has(e.kind));
  }, [link, kinds]);
  const [index, setIndex] = useState(0);
  const step = steps[index];
  if (!step) return <p className="text-sm">This scenario has no such events.</p>;
  return (
    <div className="mt-2">
      <ol className="flex flex-wrap gap-1.5" aria-label="Steps">
        {steps.map((s, i) => (
          <li key={s.id}>
            <button
              type="button"
              aria-current={i === index ? 'step' : undefined}
              onClick={() => setIndex(i)}
              className={`rounded-full border px-2.5 py-1 font-mono text-xs ${i === index ? 'border-blue-700 bg-blue-700 text-white' : 'border-slate-300 dark:border-slate-600'}`}
            >
              {i + 1}. {s.decision ?? s.kind}
            </button>
          </li>
        ))}
      </ol>
      <div aria-live="polite" className="mt-3 rounded-lg bg-slate-50 p-3 dark:bg-slate-900">
        <p className="m-0 text-sm font-medium">
          Step {index + 1} of {steps.length} · {formatMs(step.t)} · {eventPlace(step)} {eventTransport(step) ? `· ${eventTransport(step)}` : ''}
        </p>
        <p className="m-0 mt-1">{step.narration}</p>
      </div>
      <div className="mt-2 flex gap-2">
        <button type="button" className="rounded-md border border-slate-300 px-3 py-1.5 text-sm disabled:opacity-50 dark:border-slate-600" onClick={() => setIndex(index - 1)} disabled={index === 0}>
          Previous
        </button>
        <button
          type="button"
          className="rounded-md border border-slate-300 px-3 py-1.5 text-sm disabled:opacity-50 dark:border-slate-600"
          onClick={() => setIndex(index + 1)}
          disabled={index === steps.length - 1}
        >
          Next
        </button>
      </div>
    </div>
  );
}
