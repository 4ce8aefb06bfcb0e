'use client';

import { useEffect, useRef, useState } from 'react';
import { createSandboxStore } from '@/lib/store/sandbox-store';
import { decodeLink } from '@/lib/scenario/url-codec';
import { FlowDiagram } from '@/components/diagram/FlowDiagram';
import { ControlsPanel } from '@/components/sandbox/ControlsPanel';
import { EventLog } from '@/components/sandbox/EventLog';
import { Inspector } from '@/components/sandbox/Inspector';
import { Narration } from '@/components/sandbox/Narration';
import { Notices } from '@/components/sandbox/Notices';
import { OutcomeBanner } from '@/components/sandbox/OutcomeBanner';
import { SandboxStoreProvider, useSandbox } from '@/components/sandbox/store-context';
import { Timeline } from '@/components/timeline/Timeline';
import { usePlaybackDriver } from '@/components/timeline/usePlaybackDriver';

function Disclosure({ label, open, onToggle, children }: { label: string; open: boolean; onToggle: () => void; children: React.ReactNode }) {
  return (
    <div className="rounded-lg border border-slate-200 dark:border-slate-800">
      <button type="button" className="flex w-full items-center justify-between px-3 py-2 text-left text-sm font-medium" aria-expanded={open} onClick={onToggle}>
        {label} <span aria-hidden="true">{open ? '▴' : '▾'}</span>
      </button>
      {open ? <div className="border-t border-slate-200 p-3 dark:border-slate-800">{children}</div> : null}
    </div>
  );
}

function CompactSimBody() {
  usePlaybackDriver();
  const selection = useSandbox((s) => s.selection);
  const [conditionsOpen, setConditionsOpen] = useState(false);
  const [detailsOpen, setDetailsOpen] = useState(false);
  // Selecting something on the diagram opens the inspector on it and brings it into view (adjusting
  // state while rendering, not in an effect). An open inspector is left where the learner put it.
  const [seen, setSeen] = useState(selection);
  const [reveal, setReveal] = useState(0);
  if (selection !== seen) {
    setSeen(selection);
    if (selection && !detailsOpen) {
      setDetailsOpen(true);
      setReveal(reveal + 1);
    }
  }
  const details = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (reveal > 0) details.current?.scrollIntoView({ block: 'nearest', behavior: window.matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth' });
  }, [reveal]);
  return (
    <div className="flex flex-col gap-3">
      <Notices />
      <OutcomeBanner />
      <FlowDiagram compact />
      <Narration />
      <Timeline />
      <Disclosure label="Change the conditions" open={conditionsOpen} onToggle={() => setConditionsOpen(!conditionsOpen)}>
        <ControlsPanel />
      </Disclosure>
      <Disclosure label="Event log and inspector" open={detailsOpen} onToggle={() => setDetailsOpen(!detailsOpen)}>
        <div className="flex flex-col gap-3">
          <div ref={details}>
            <Inspector />
          </div>
          <EventLog />
        </div>
      </Disclosure>
    </div>
  );
}

/**
 * A simulator with its own store, started from a share-link query. Keyboard shortcuts stay with the sandbox page.
 * `autoPlay` starts playback once it is on the page (a quiz's "Show me"), unless the system asks for reduced
 * motion: then the learner presses Play when they choose.
 */
export function CompactSim({ query, autoPlay = false }: { query: string; autoPlay?: boolean }) {
  const [store] = useState(() => {
    // Lesson links are checked by `npm run check:content`; should one still carry a bad parameter, the notice shows.
    const store = createSandboxStore();
    const decoded = decodeLink(query);
    // A lesson's simulator plays one request; a traffic run's request (`req`) is the sandbox's to replay.
    store.getState().applyLink({ ...decoded, view: { ...decoded.view, req: null } });
    return store;
  });
  useEffect(() => {
    if (autoPlay && !window.matchMedia('(prefers-reduced-motion: reduce)').matches) store.getState().play();
  }, [autoPlay, store]);
  return (
    <SandboxStoreProvider store={store}>
      <CompactSimBody />
    </SandboxStoreProvider>
  );
}
