'use client';

import { Suspense, useState } from 'react';
import { LazyFlowDiagram } from '@/components/diagram/LazyFlowDiagram';
import { Timeline } from '@/components/timeline/Timeline';
import { useKeyboardShortcuts } from '@/components/timeline/useKeyboardShortcuts';
import { usePlaybackDriver } from '@/components/timeline/usePlaybackDriver';
import { Waterfall } from '@/components/waterfall/Waterfall';
import { ControlsPanel } from './ControlsPanel';
import { DebugPanel } from './DebugPanel';
import { EventLog } from './EventLog';
import { Inspector } from './Inspector';
import { Narration } from './Narration';
import { Notices } from './Notices';
import { OutcomeBanner } from './OutcomeBanner';
import { ShareButton } from './ShareButton';
import { useSandbox, useSandboxStore } from './store-context';

function MotionToggle() {
  const store = useSandboxStore();
  const motion = useSandbox((s) => s.motion);
  return (
    <label className="flex items-center gap-2 text-sm">
      <span>Motion</span>
      <select
        className="h-10 rounded-md border border-slate-300 bg-white px-2 dark:border-slate-600 dark:bg-slate-900"
        value={motion}
        onChange={(e) => store.getState().setMotion(e.target.value as typeof motion)}
      >
        <option value="system">Follow system setting</option>
        <option value="reduce">Reduce: highlight steps</option>
        <option value="allow">Animate packets</option>
      </select>
    </label>
  );
}

/** On a phone the conditions fold away under a button; from the lg breakpoint they are always shown. */
function ConditionsSection() {
  const [open, setOpen] = useState(false);
  return (
    <section aria-labelledby="conditions-heading" className="min-w-0">
      <h2 id="conditions-heading" className="mb-2 text-base font-semibold">
        <button type="button" className="flex w-full items-center justify-between rounded-lg border border-slate-300 px-3 py-2 text-left lg:hidden dark:border-slate-700" aria-expanded={open} aria-controls="conditions-panel" onClick={() => setOpen(!open)}>
          Conditions <span aria-hidden="true">{open ? '▴' : '▾'}</span>
        </button>
        <span className="hidden lg:inline">Conditions</span>
      </h2>
      <div id="conditions-panel" className={`${open ? '' : 'hidden'} lg:block`}>
        <ControlsPanel />
      </div>
    </section>
  );
}

export function Sandbox() {
  usePlaybackDriver();
  useKeyboardShortcuts();
  return (
    <div className="mx-auto flex max-w-screen-2xl flex-col gap-4 px-3 py-4 sm:px-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Sandbox</h1>
          <p className="text-sm text-slate-700 dark:text-slate-300">Set the conditions, then follow one request hop by hop. Space plays, ← → step, Home and End jump.</p>
        </div>
        <ShareButton />
      </div>
      <Notices />
      {/* Each Suspense boundary hydrates on its own, so React can yield between them instead of one long task. */}
      <div className="grid gap-4 lg:grid-cols-[19rem_minmax(0,1fr)]">
        <Suspense>
          <ConditionsSection />
        </Suspense>
        <div className="flex min-w-0 flex-col gap-3">
          <OutcomeBanner />
          <LazyFlowDiagram />
          <Narration />
          <Timeline />
          <Waterfall />
          <MotionToggle />
          <div className="grid gap-4 xl:grid-cols-2">
            <Suspense>
              <Inspector />
            </Suspense>
            <Suspense>
              <EventLog />
            </Suspense>
          </div>
          <DebugPanel />
        </div>
      </div>
    </div>
  );
}
