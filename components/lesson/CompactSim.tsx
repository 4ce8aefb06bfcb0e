'use client';

import { useState } from 'react';
import { createSandboxStore } from '@/lib/store/sandbox-store';
import { FlowDiagram } from '@/components/diagram/FlowDiagram';
import { ControlsPanel } from '@/components/sandbox/ControlsPanel';
import { EventLog } from '@/components/sandbox/EventLog';
import { Inspector } from '@/components/sandbox/Inspector';
import { Narration } from '@/components/sandbox/Narration';
import { Notices } from '@/components/sandbox/Notices';
import { OutcomeBanner } from '@/components/sandbox/OutcomeBanner';
import { SandboxStoreProvider } from '@/components/sandbox/store-context';
import { Timeline } from '@/components/timeline/Timeline';
import { usePlaybackDriver } from '@/components/timeline/usePlaybackDriver';

function Disclosure({ label, children }: { label: string; children: React.ReactNode }) {
  const [open, setOpen] = useState(false);
  return (
    <div className="rounded-lg border border-slate-200 dark:border-slate-800">
      <button type="button" className="flex w-full items-center justify-between px-3 py-2 text-left text-sm font-medium" aria-expanded={open} onClick={() => setOpen(!open)}>
        {label} <span aria-hidden="true">{open ? '▴' : '▾'}</span>
      </button>
      {open ? <div className="border-t border-slate-200 p-3 dark:border-slate-800">{children}</div> : null}
    </div>
  );
}

function CompactSimBody() {
  usePlaybackDriver();
  return (
    <div className="flex flex-col gap-3">
      <Notices />
      <OutcomeBanner />
      <FlowDiagram compact />
      <Narration />
      <Timeline />
      <Disclosure label="Change the conditions">
        <ControlsPanel />
      </Disclosure>
      <Disclosure label="Event log and inspector">
        <div className="flex flex-col gap-3">
          <Inspector />
          <EventLog />
        </div>
      </Disclosure>
    </div>
  );
}

/** A simulator with its own store, started from a share-link query. Keyboard shortcuts stay with the sandbox page. */
export function CompactSim({ query }: { query: string }) {
  const [store] = useState(() => {
    // Lesson links are checked by `npm run check:content`; should one still carry a bad parameter, the notice shows.
    const store = createSandboxStore();
    store.getState().applyLink(query);
    return store;
  });
  return (
    <SandboxStoreProvider store={store}>
      <CompactSimBody />
    </SandboxStoreProvider>
  );
}
