'use client';

/**
 * The landing demo has no inspector: what a learner clicks (a service, a link or a packet) is described
 * here in a sentence, and the full details are a click away in the sandbox.
 */
import { links, NODES } from '@/lib/sim';
import { parseSelection } from '@/lib/store/selection';
import { useResult, useSandbox } from '@/components/sandbox/store-context';

function describe(selection: ReturnType<typeof parseSelection>, result: ReturnType<typeof useResult>, engine: Parameters<typeof links>[0]): string | null {
  if (!selection) return null;
  switch (selection.type) {
    case 'node': {
      const node = NODES[selection.id];
      return `${node.label} (${node.counterpart}): ${node.role}`;
    }
    case 'link': {
      const link = links(engine).find((l) => l.id === selection.id);
      if (!link) return null;
      const carries = link.protocol === 'inline' ? 'inside one machine' : `${link.protocol}${link.port !== null ? `, port ${link.port}` : ''}`;
      return `${NODES[link.a].label} ↔ ${NODES[link.b].label}: ${carries}.`;
    }
    case 'event':
      return result.events[selection.id]?.narration ?? null;
  }
}

export function DemoDetails() {
  const result = useResult();
  const engine = useSandbox((s) => s.scenario.db.engine);
  const selection = parseSelection(useSandbox((s) => s.selection));
  const text = describe(selection, result, engine);
  return (
    <p aria-live="polite" className="m-0 min-h-10 text-sm text-slate-700 dark:text-slate-300">
      {text ?? 'Click or tap a service, a link or a packet to see what it is.'}
    </p>
  );
}
