'use client';

/** One event: where and when, what it means, what it carries layer by layer, and the engine's facts about it. */
import { useMemo, type ReactNode } from 'react';
import { layersFor } from '@/lib/inspect/layers';
import { NODES, type SimEvent } from '@/lib/sim';
import { eventPlace, formatMs } from '@/components/ui/format';
import { LayerStack } from './LayerStack';
import { useRunFacts } from './useRunFacts';

/** Why an event has no layers: it does not cross a network. */
function offTheWire(event: SimEvent): string {
  if (event.kind === 'retry-wait') return 'A wait before the next try: nothing is on the wire.';
  if (event.from === event.to) return `This happens inside ${NODES[event.from].label}: nothing crosses a network, so there is no packet to take apart.`;
  return `${NODES[event.from].label} hands this to ${NODES[event.to].label} inside one machine: nothing crosses a network.`;
}

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <>
      <dt className="text-slate-700 dark:text-slate-300">{term}</dt>
      <dd className="min-w-0 font-mono text-xs break-words">{children}</dd>
    </>
  );
}

export function EventDetails({ event }: { event: SimEvent }) {
  const facts = useRunFacts();
  const layers = useMemo(() => layersFor(event, facts), [event, facts]);
  return (
    <div>
      <h3 className="font-semibold">
        {eventPlace(event)} <span className="font-normal text-slate-600 dark:text-slate-400">at {formatMs(event.t)}</span>
      </h3>
      <p className="mt-1 text-sm">{event.narration}</p>
      <h4 className="mt-3 text-sm font-semibold">What crosses the wire</h4>
      <LayerStack layers={layers} emptyText={offTheWire(event)} />
      <h4 className="mt-3 text-sm font-semibold">The engine’s record</h4>
      <dl className="mt-1 grid grid-cols-[7rem_minmax(0,1fr)] gap-x-3 gap-y-1 text-sm">
        <Fact term="Event">
          {event.kind} · {event.requestId}, attempt {event.attempt}
        </Fact>
        {event.durationMs > 0 ? <Fact term="Takes">{formatMs(event.durationMs)}</Fact> : null}
        {event.status !== undefined ? <Fact term="Status">{event.status}</Fact> : null}
        {event.decision ? <Fact term="Decision">{event.decision}</Fact> : null}
        {event.waitMs !== undefined ? <Fact term="Waits">{formatMs(event.waitMs)}</Fact> : null}
        {Object.entries(event.detail ?? {}).map(([key, value]) => (
          <Fact key={key} term={key}>
            {String(value)}
          </Fact>
        ))}
      </dl>
    </div>
  );
}
