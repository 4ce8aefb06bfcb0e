'use client';

/** A service: what it stands for, its address, and what has happened there so far. */
import { addressOf, NODES, type NodeId } from '@/lib/sim';
import { useFrame, useResult, useSandboxStore } from '../store-context';

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

export function NodeDetails({ id }: { id: NodeId }) {
  const store = useSandboxStore();
  const result = useResult();
  const frame = useFrame();
  const node = NODES[id];
  const address = addressOf(id);
  const here = result.events.filter((e) => (e.from === id || e.to === id) && e.t <= frame.t);
  const last = here.filter((e) => e.decision).at(-1);
  return (
    <div className="text-sm">
      <p className="font-medium">{node.counterpart}</p>
      <p className="mt-1">{node.role}</p>
      <p className="mt-1 text-slate-700 dark:text-slate-300">
        {address ? (
          <>
            Address <span className="font-mono text-xs">{address}</span>
          </>
        ) : (
          'Works inline at the edge location, with no address of its own.'
        )}
      </p>
      <p className="mt-2 text-slate-700 dark:text-slate-300">
        {here.length} event{here.length === 1 ? '' : 's'} here so far{last ? `; latest: ` : '.'}
        {last ? <span className="font-mono text-xs">{last.decision}</span> : null}
      </p>
      {id === 'db' || id === 'thirdparty' ? <SideEffects node={id} /> : null}
      {last ? (
        <button type="button" className="mt-2 text-blue-700 underline dark:text-blue-300" onClick={() => store.getState().select(`e${last.id}`)}>
          Inspect that event
        </button>
      ) : null}
    </div>
  );
}
