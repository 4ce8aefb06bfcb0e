'use client';

/**
 * The hop inspector: for the selected event, node or link — or, with nothing selected, the event at the
 * playhead — what it is, and for an event what crosses the wire, layer by layer (inspector/).
 */
import { useId } from 'react';
import { links, NODES } from '@/lib/sim';
import { parseSelection } from '@/lib/store/selection';
import { EventDetails } from './inspector/EventDetails';
import { LinkDetails } from './inspector/LinkDetails';
import { NodeDetails } from './inspector/NodeDetails';
import { useFrame, useResult, useSandbox, useSandboxStore } from './store-context';

export function Inspector({ className = '' }: { className?: string }) {
  const store = useSandboxStore();
  const result = useResult();
  const frame = useFrame();
  const engine = useSandbox((s) => s.scenario.db.engine);
  const selected = parseSelection(useSandbox((s) => s.selection));
  const headingId = useId();
  const linkChoices = links(engine);

  let body;
  let title = 'Inspector';
  if (selected?.type === 'event' && result.events[selected.id]) {
    title = `Event ${selected.id + 1}`;
    body = <EventDetails event={result.events[selected.id]!} />;
  } else if (selected?.type === 'node') {
    title = NODES[selected.id].label;
    body = <NodeDetails id={selected.id} />;
  } else if (selected?.type === 'link') {
    const link = linkChoices.find((l) => l.id === selected.id);
    if (link) {
      title = `${NODES[link.a].label} ↔ ${NODES[link.b].label}`;
      body = <LinkDetails link={link} />;
    }
  }
  if (!body) {
    const current = frame.currentEventId === null ? null : result.events[frame.currentEventId];
    title = 'At the playhead';
    body = current ? <EventDetails event={current} /> : <p className="text-sm">Nothing has happened yet. Select a service, a link or an event, or press Play.</p>;
  }

  return (
    <section aria-labelledby={headingId} className={`rounded-lg border border-slate-200 p-3 dark:border-slate-800 ${className}`}>
      <div className="flex items-center justify-between gap-2">
        <h2 id={headingId} className="text-base font-semibold">
          {title}
        </h2>
        {selected ? (
          <button type="button" className="text-sm text-blue-700 underline dark:text-blue-300" onClick={() => store.getState().select(null)}>
            Follow the playhead
          </button>
        ) : null}
      </div>
      <div className="mt-2">{body}</div>
      <label className="mt-4 flex flex-wrap items-center gap-2 border-t border-slate-200 pt-3 text-sm dark:border-slate-800">
        <span>Inspect a link</span>
        <select
          className="h-9 min-w-0 flex-1 rounded-md border border-slate-300 bg-white px-2 dark:border-slate-600 dark:bg-slate-900"
          value={selected?.type === 'link' ? selected.id : ''}
          onChange={(e) => store.getState().select(e.target.value ? `link:${e.target.value}` : null)}
        >
          <option value="">Choose a link…</option>
          {linkChoices.map((l) => (
            <option key={l.id} value={l.id}>
              {NODES[l.a].label} ↔ {NODES[l.b].label} ({l.label})
            </option>
          ))}
        </select>
      </label>
    </section>
  );
}
