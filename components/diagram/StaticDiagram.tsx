/**
 * The sandbox's first view of the diagram: the drawing of the topology at rest (StaticDrawings), until the learner
 * first uses the page or the run shows something it cannot (LazyFlowDiagram).
 *
 * It is markup that React does not hydrate. The drawing is the largest part of the sandbox's first HTML (about
 * 470 elements, every layout the container queries choose from) and nothing in it needs React: a tap is read from
 * the `data-node` and `data-link` attributes by one handler on its wrapper. Rendered as elements, hydration walked
 * and checked every one of them, and ran the layouts and faces to build them, to find what the server had sent.
 * As `dangerouslySetInnerHTML` with the same string on the server and in the browser, React leaves the children as
 * they are. The string is `StaticDrawings` rendered at build time (scripts/static-drawing.ts), so the drawing
 * still comes from the one set of layouts and faces, and a unit test fails if it is out of date.
 * Measured against the drawing as elements: ~7 ms less JavaScript after the first paint (144 against 151 ms of
 * thread time at 412 px, medians of 10, interleaved); in 20 interleaved Lighthouse runs (mobile, simulated) a lower
 * TBT in 14 (medians 282 against 437 ms) and an earlier TTI in 17 (3.0 against 3.6 s).
 */
import type { MouseEvent } from 'react';
import { DiagramFrame } from './DiagramFrame';
import { FULL_DRAWING_MARKUP } from './static-drawing-markup';

/**
 * `onPick` hears a service or a link label picked in the drawing, as a selection (`db`, `link:app-db`): a finger's
 * first tap is often on a service, and it lands before the interactive diagram that it wakes is there.
 */
export function StaticDiagram({ onPick }: { onPick?: (selection: string) => void }) {
  const pick = (event: MouseEvent<HTMLDivElement>) => {
    const picked = event.target instanceof Element ? event.target.closest<HTMLElement>('[data-node], [data-link]') : null;
    if (!picked || !onPick) return;
    onPick(picked.dataset.node ?? `link:${picked.dataset.link}`);
  };
  return (
    <DiagramFrame>
      {/* Pointer only: the drawing is hidden from assistive technology, and a key press has made the diagram live. */}
      <div onClick={pick} dangerouslySetInnerHTML={{ __html: FULL_DRAWING_MARKUP }} />
      <p className="sr-only">The services and links become buttons as soon as you use the page.</p>
    </DiagramFrame>
  );
}
