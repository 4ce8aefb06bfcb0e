'use client';

/**
 * The sandbox's diagram: a drawing of the run at rest (StaticDiagram) until the learner first uses the page, then
 * React Flow with its packet layer.
 *
 * Why wait for a use: mounting React Flow is most of the sandbox's main-thread work after its first paint. It builds
 * every node, link and control, then measures them and renders again: two tasks of 15–35 ms on this machine, four
 * times that on a phone. Until then it would draw what the static drawing draws, since both come from the same
 * layouts and faces (faces.tsx). Interleaved Lighthouse runs (mobile, simulated throttling, 5 pairs) put the
 * sandbox at 0.98 (median TBT 164 ms) without that mount at load, against 0.92 (341 ms) with it.
 *
 * What counts as a use (components/ui/first-use): a pointer moving, pressing or touching, a key, a wheel, focus
 * moving or a click anywhere in the page, also before the scripts have run. Those come before anything the learner
 * can do with the diagram (a finger lands before it scrolls, the mouse moves before it clicks, Tab comes before a
 * focused node), so the live diagram is there, or on its way, by the time it is wanted. The run itself wakes it
 * too: whenever the drawing would no longer show what React Flow would (a step taken, the player running, a
 * selection, another database), which covers a shared link and the keyboard shortcuts alike.
 *
 * The static drawing is server HTML that React keeps without hydrating it (StaticDiagram). `next/dynamic` with
 * `ssr: false` would put it in a boundary React renders on the client only: hydration would throw the server's
 * drawing away and build every element of it again. If React Flow's chunk fails to load, the drawing stays.
 */
import { startTransition, useEffect, useState, type ComponentProps, type ComponentType } from 'react';
import { frameAt } from '@/lib/playback/frame';
import { resultOf } from '@/lib/store/derived';
import { useSandbox, useSandboxStore } from '@/components/sandbox/store-context';
import { onFirstUse } from '@/components/ui/first-use';
import type { FlowDiagram as FlowDiagramComponent } from './FlowDiagram';
import { StaticDiagram } from './StaticDiagram';
import { frameAtRest, STATIC_DB_ENGINE } from './at-rest';

type FlowDiagramProps = ComponentProps<typeof FlowDiagramComponent>;

export function LazyFlowDiagram(props: FlowDiagramProps) {
  const [FlowDiagram, setFlowDiagram] = useState<ComponentType<FlowDiagramProps> | null>(null);
  const store = useSandboxStore();
  // Once wanted, always wanted: the drawing never comes back.
  const [wanted, setWanted] = useState(false);
  // Whether the run has left what the drawing shows; no longer asked (no frame worked out per update) once wanted.
  const leftRest = useSandbox(
    (s) => !wanted && !(s.selection === null && !s.playing && s.scenario.db.engine === STATIC_DB_ENGINE && frameAtRest(frameAt(resultOf(s), s.cursor))),
  );
  // Set while rendering, so the render that moves the run off its rest already asks for React Flow.
  if (leftRest) setWanted(true);

  useEffect(() => {
    if (!wanted) return onFirstUse(() => setWanted(true));
  }, [wanted]);

  useEffect(() => {
    if (!wanted) return;
    let mounted = true;
    import('./FlowDiagram').then(
      (module) => {
        // A transition: React renders React Flow's first tree in slices, and the drawing stays until it is ready.
        if (mounted) startTransition(() => setFlowDiagram(() => module.FlowDiagram));
      },
      // Offline, or a deploy replaced the chunk: the drawing stays, and every other part of the page still works.
      () => {},
    );
    return () => {
      mounted = false;
    };
  }, [wanted]);

  // A service or link tapped in the drawing is selected, as in the live diagram; the selection wakes it.
  return FlowDiagram ? <FlowDiagram {...props} /> : <StaticDiagram onPick={(selection) => store.getState().select(selection)} />;
}
