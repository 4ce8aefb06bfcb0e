'use client';

/** A drawn link: what it carries, layer by layer, and how many packets cross it in this run. */
import { useMemo } from 'react';
import { layersFor } from '@/lib/inspect/layers';
import type { LinkInfo, SimEvent } from '@/lib/sim';
import { useResult } from '../store-context';
import { useRunFacts } from './useRunFacts';

function crosses(event: SimEvent, link: LinkInfo): boolean {
  const path = [event.from, ...(event.via ?? []), event.to];
  return Boolean(event.leg) && path.includes(link.a) && path.includes(link.b);
}

/** The first message with data on it (a question, a request, a query): its layers are the link's. */
const DATA_KINDS = new Set(['dns-query', 'request', 'db-query']);

export function LinkDetails({ link }: { link: LinkInfo }) {
  const result = useResult();
  const facts = useRunFacts();
  const over = result.events.filter((e) => crosses(e, link));
  const sample = over.find((e) => DATA_KINDS.has(e.kind));
  const stack = useMemo(() => (sample ? layersFor(sample, facts) : []), [sample, facts]);
  return (
    <div className="text-sm">
      <p>
        <span className="font-mono">{link.protocol === 'inline' ? 'inside one machine' : `${link.protocol}${link.port !== null ? `, port ${link.port}` : ''}`}</span>
      </p>
      {stack.length > 0 ? (
        <p className="mt-1">
          Layers of a message here, outermost first: <span className="font-mono text-xs">{stack.map((layer) => layer.name).join(' › ')}</span>.
        </p>
      ) : null}
      <p className="mt-1">
        {over.length} packet{over.length === 1 ? '' : 's'} cross this link in the run.
      </p>
    </div>
  );
}
