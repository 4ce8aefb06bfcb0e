'use client';

/**
 * The layers of the selected event, outermost first, as a packet analyser lists them: each one a line that
 * says what it carries, opening to its fields. The lines alone tell the story, so they start closed; a layer
 * the learner opens stays open as they step from event to event.
 */
import { useState } from 'react';
import type { Layer, LayerId } from '@/lib/inspect/layers';

/** A colour per layer, so the same layer looks the same on every hop. */
const TONE: Record<LayerId, string> = {
  ip: 'border-l-slate-500',
  udp: 'border-l-sky-600',
  tcp: 'border-l-sky-600',
  tls: 'border-l-amber-600',
  dns: 'border-l-emerald-600',
  http: 'border-l-emerald-600',
  db: 'border-l-violet-600',
};

function Fields({ layer }: { layer: Layer }) {
  return (
    <dl className="mt-1.5 grid grid-cols-[minmax(5.5rem,max-content)_minmax(0,1fr)] gap-x-3 gap-y-1 text-xs">
      {layer.fields.map((field, index) => (
        <div key={`${field.name}-${index}`} className="contents">
          <dt className="text-slate-700 dark:text-slate-300">{field.name}</dt>
          <dd className="min-w-0">
            <span className="font-mono break-words">{field.value}</span>
            {field.note ? <span className="mt-0.5 block text-slate-600 dark:text-slate-400">{field.note}</span> : null}
          </dd>
        </div>
      ))}
    </dl>
  );
}

export function LayerStack({ layers, emptyText }: { layers: Layer[]; emptyText: string }) {
  const [opened, setOpened] = useState<ReadonlySet<LayerId>>(new Set());
  if (layers.length === 0) return <p className="mt-2 text-sm text-slate-700 dark:text-slate-300">{emptyText}</p>;
  return (
    <ol aria-label="Layers" className="mt-2 flex list-none flex-col gap-1.5 p-0">
      {layers.map((layer) => (
        <li key={layer.id} className={`rounded-md border border-l-4 border-slate-200 bg-white px-2.5 py-1.5 dark:border-slate-700 dark:bg-slate-900 ${TONE[layer.id]}`}>
          <details
            open={opened.has(layer.id)}
            onToggle={(e) => {
              const open = e.currentTarget.open;
              setOpened((current) => {
                if (open === current.has(layer.id)) return current;
                const next = new Set(current);
                if (open) next.add(layer.id);
                else next.delete(layer.id);
                return next;
              });
            }}
          >
            <summary className="cursor-pointer text-sm">
              <span className="font-semibold">{layer.name}</span> <span className="font-mono text-xs break-words text-slate-700 dark:text-slate-300">{layer.summary}</span>
            </summary>
            <Fields layer={layer} />
          </details>
        </li>
      ))}
    </ol>
  );
}
