'use client';

/**
 * The diagram (React Flow and its packet layer) loads after the page: the controls, caption, timeline,
 * log and inspector are usable at once, and a static drawing of the same topology holds its place.
 *
 * The static drawing is server HTML that hydrates like the rest of the page. `next/dynamic` with `ssr: false`
 * would put it in a boundary React renders on the client only: hydration would throw the server's drawing away
 * and build every SVG element of it again (about 25 ms of a phone's main thread before its 4× slowdown), just to
 * show the same picture until React Flow arrives.
 */
import { startTransition, useEffect, useState, type ComponentProps, type ComponentType } from 'react';
import type { FlowDiagram as FlowDiagramComponent } from './FlowDiagram';
import { StaticDiagram } from './StaticDiagram';

type FlowDiagramProps = ComponentProps<typeof FlowDiagramComponent>;

export function LazyFlowDiagram(props: FlowDiagramProps) {
  const [FlowDiagram, setFlowDiagram] = useState<ComponentType<FlowDiagramProps> | null>(null);
  useEffect(() => {
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
  }, []);
  return FlowDiagram ? <FlowDiagram {...props} /> : <StaticDiagram />;
}
