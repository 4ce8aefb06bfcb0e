'use client';

/**
 * The hop inspector: for the selected event, node or link — or, with nothing selected, the event at
 * the playhead — the protocol and port, the headers as they look on that hop, and the decision taken.
 */
import { useId } from 'react';
import { links, NODES, type SimEvent } from '@/lib/sim';
import { parseSelection } from '@/lib/store/selection';
import { eventPlace, eventTransport, formatMs } from '@/components/ui/format';
import { useFrame, useResult, useSandbox, useSandboxStore } from './store-context';

function Headers({ headers }: { headers: Record<string, string> }) {
  const entries = Object.entries(headers);
  if (entries.length === 0) return null;
  return (
    <div>
      <h4 className="mt-3 text-sm font-semibold">Headers on this hop</h4>
      <dl className="mt-1 grid grid-cols-[minmax(6rem,auto)_1fr] gap-x-3 gap-y-0.5 font-mono text-xs">
        {entries.map(([name, value]) => (
          <div key={name} className="contents">
            <dt className="text-slate-700 dark:text-slate-300">{name}</dt>
            <dd className="break-all">{value}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

function EventDetails({ event }: { event: SimEvent }) {
  return (
    <div>
      <h3 className="font-semibold">
        {eventPlace(event)} <span className="font-normal text-slate-600 dark:text-slate-400">at {formatMs(event.t)}</span>
      </h3>
      <dl className="mt-2 grid grid-cols-[7rem_1fr] gap-x-3 gap-y-1 text-sm">
        <dt className="text-slate-700 dark:text-slate-300">Event</dt>
        <dd className="font-mono text-xs">
          {event.kind} · {event.requestId}, attempt {event.attempt}
        </dd>
        {eventTransport(event) ? (
          <>
            <dt className="text-slate-700 dark:text-slate-300">Protocol, port</dt>
            <dd className="font-mono text-xs">{eventTransport(event)}</dd>
          </>
        ) : null}
        {event.durationMs > 0 ? (
          <>
            <dt className="text-slate-700 dark:text-slate-300">Takes</dt>
            <dd>{formatMs(event.durationMs)}</dd>
          </>
        ) : null}
        {event.status !== undefined ? (
          <>
            <dt className="text-slate-700 dark:text-slate-300">Status</dt>
            <dd className="font-semibold">{event.status}</dd>
          </>
        ) : null}
        {event.decision ? (
          <>
            <dt className="text-slate-700 dark:text-slate-300">Decision</dt>
            <dd className="font-mono text-xs break-words">{event.decision}</dd>
          </>
        ) : null}
        {event.waitMs !== undefined ? (
          <>
            <dt className="text-slate-700 dark:text-slate-300">Waits</dt>
            <dd>{formatMs(event.waitMs)}</dd>
          </>
        ) : null}
        {Object.entries(event.detail ?? {}).map(([key, value]) => (
          <div key={key} className="contents">
            <dt className="text-slate-700 dark:text-slate-300">{key}</dt>
            <dd className="font-mono text-xs break-words">{String(value)}</dd>
          </div>
        ))}
      </dl>
      <p className="mt-2 text-sm">{event.narration}</p>
      {event.headers ? <Headers headers={event.headers} /> : null}
    </div>
  );
}

/** What the whole run left behind at the database or the payments API, duplicates and unread work included. */
function SideEffects({ node }: { node: 'db' | 'thirdparty' }) {
  const { outcome } = useResult();
  const [count, dupes, noun] = node === 'db' ? [outcome.writesCommitted, outcome.duplicateWrites, 'Rows written'] : [outcome.chargesMade, outcome.duplicateCharges, 'Charges made'];
  return (
    <p className="mt-2">
      <span className="font-medium">{noun} in this run:</span> {count}
      {dupes > 0 ? ` (${dupes} duplicate${dupes === 1 ? '' : 's'})` : ''}
    </p>
  );
}

export function Inspector() {
  const store = useSandboxStore();
  const result = useResult();
  const frame = useFrame();
  const engine = useSandbox((s) => s.scenario.db.engine);
  const selected = parseSelection(useSandbox((s) => s.selection));
  const headingId = useId();

  let body;
  let title = 'Inspector';
  if (selected?.type === 'event' && result.events[selected.id]) {
    title = `Event ${selected.id + 1}`;
    body = <EventDetails event={result.events[selected.id]!} />;
  } else if (selected?.type === 'node') {
    const node = NODES[selected.id];
    const here = result.events.filter((e) => (e.from === selected.id || e.to === selected.id) && e.t <= frame.t);
    const last = here.filter((e) => e.decision).at(-1);
    title = node.label;
    body = (
      <div className="text-sm">
        <p className="font-medium">{node.counterpart}</p>
        <p className="mt-1">{node.role}</p>
        <p className="mt-2 text-slate-700 dark:text-slate-300">
          {here.length} event{here.length === 1 ? '' : 's'} here so far{last ? `; latest: ` : '.'}
          {last ? <span className="font-mono text-xs">{last.decision}</span> : null}
        </p>
        {selected.id === 'db' || selected.id === 'thirdparty' ? <SideEffects node={selected.id} /> : null}
        {last ? (
          <button type="button" className="mt-2 text-blue-700 underline dark:text-blue-300" onClick={() => store.getState().select(`e${last.id}`)}>
            Inspect that event
          </button>
        ) : null}
      </div>
    );
  } else if (selected?.type === 'link') {
    const link = links(engine).find((l) => l.id === selected.id);
    if (link) {
      const over = result.events.filter((e) => e.leg && [e.from, ...(e.via ?? []), e.to].includes(link.a) && [e.from, ...(e.via ?? []), e.to].includes(link.b));
      title = `${NODES[link.a].label} ↔ ${NODES[link.b].label}`;
      body = (
        <div className="text-sm">
          <p>
            <span className="font-mono">{link.protocol === 'inline' ? 'inside one machine' : `${link.protocol}${link.port !== null ? `, port ${link.port}` : ''}`}</span>
          </p>
          <p className="mt-1">
            {over.length} packet{over.length === 1 ? '' : 's'} cross this link in the run.
          </p>
        </div>
      );
    }
  }
  if (!body) {
    const current = frame.currentEventId === null ? null : result.events[frame.currentEventId];
    title = 'At the playhead';
    body = current ? <EventDetails event={current} /> : <p className="text-sm">Nothing has happened yet. Select a service, a link or an event, or press Play.</p>;
  }

  const linkChoices = links(engine);
  return (
    <section aria-labelledby={headingId} className="rounded-lg border border-slate-200 p-3 dark:border-slate-800">
      <label className="mb-3 flex flex-wrap items-center gap-2 text-sm">
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
    </section>
  );
}
