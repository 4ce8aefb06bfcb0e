'use client';

/**
 * The sandbox's layout. From the lg breakpoint it fills the window below the site header and nothing on the
 * page scrolls but its panels: the conditions on the left scroll in their own column; on the right the stage —
 * outcome, diagram, caption and player — stays put, and the inspector and event log scroll in the panels
 * beneath it. So a change of conditions and its effect are on screen together. On a phone everything stacks,
 * and a compact player bar keeps the controls at hand while the diagram is on screen.
 */
import { Suspense, useRef, useState } from 'react';
import { LazyFlowDiagram } from '@/components/diagram/LazyFlowDiagram';
import { Timeline } from '@/components/timeline/Timeline';
import { useKeyboardShortcuts } from '@/components/timeline/useKeyboardShortcuts';
import { usePlaybackDriver } from '@/components/timeline/usePlaybackDriver';
import { PLAYER_ID } from '@/components/ui/SkipLinks';
import { Waterfall } from '@/components/waterfall/Waterfall';
import { CompactPlayerBar } from './CompactPlayerBar';
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
        className="h-10 min-w-0 rounded-md border border-slate-300 bg-white px-2 dark:border-slate-600 dark:bg-slate-900"
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

/**
 * Heights at lg and up. The window less the site header (h-14 and its 1 px border, components/ui/SiteHeader)
 * is the sandbox's height; the diagram gets what the stage's other rows leave, so at 1280×800 the stage keeps
 * about 15 rem for the panels below it, and never more than the diagram's own 460 px.
 */
const SANDBOX_HEIGHT = 'lg:h-[calc(100dvh-3.5625rem)]';
const DIAGRAM_HEIGHT = 'lg:[--diagram-height:clamp(14rem,calc(100dvh-33.5rem),28.75rem)]';

export function Sandbox() {
  usePlaybackDriver();
  useKeyboardShortcuts();
  const diagram = useRef<HTMLDivElement>(null);
  const player = useRef<HTMLElement>(null);
  return (
    <div className={`mx-auto grid max-w-screen-2xl gap-4 px-3 py-3 sm:px-4 lg:grid-cols-[18rem_minmax(0,1fr)] xl:grid-cols-[20rem_minmax(0,1fr)] ${SANDBOX_HEIGHT}`}>
      {/* Each Suspense boundary hydrates on its own, so React can yield between them instead of one long task. */}
      <div className="flex min-h-0 min-w-0 flex-col gap-3 lg:-mr-2 lg:overflow-y-auto lg:pr-2">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Sandbox</h1>
          <p className="text-sm text-slate-700 dark:text-slate-300">Set the conditions, then follow one request hop by hop. Space plays, ← → step, Home and End jump.</p>
        </div>
        <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
          <ShareButton />
          <MotionToggle />
        </div>
        <Notices />
        <Suspense>
          <ConditionsSection />
        </Suspense>
        <DebugPanel />
      </div>
      {/* The column scrolls as a whole when the stage and the panels need more than the window. */}
      <div className="flex min-h-0 min-w-0 flex-col gap-3 lg:overflow-y-auto">
        <div className={`flex flex-col gap-2 ${DIAGRAM_HEIGHT}`}>
          <OutcomeBanner />
          <div ref={diagram}>
            <LazyFlowDiagram />
          </div>
          <section ref={player} id={PLAYER_ID} tabIndex={-1} aria-label="Player" className="grid scroll-mt-2 gap-2 rounded-lg xl:grid-cols-2 xl:items-start">
            <Narration />
            <Timeline />
          </section>
        </div>
        {/* The panels that scroll. The event log's own list is the part that scrolls, so it can follow the cursor.
            The waterfall comes after them. */}
        <div className="flex flex-col gap-3">
        <div className="grid min-h-0 flex-1 gap-3 lg:min-h-60 lg:grid-cols-2 lg:[&>section:last-child]:min-h-0 lg:[&>section:last-child_ol]:max-h-none lg:[&>section:last-child_ol]:min-h-0 lg:[&>section:last-child_ol]:flex-1">
          <Suspense>
            <Inspector className="lg:min-h-0 lg:overflow-y-auto" />
          </Suspense>
          <Suspense>
            <EventLog />
          </Suspense>
        </div>
        <Waterfall />
        </div>
      </div>
      <CompactPlayerBar diagram={diagram} player={player} />
    </div>
  );
}
