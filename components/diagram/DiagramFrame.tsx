/**
 * The figure around the diagram, the same for the placeholder drawing and the interactive diagram, so
 * one replaces the other without anything on the page moving: a bordered pane (a size container, so
 * the placeholder picks its layout with container queries) with a strip at the bottom for the zoom
 * controls and React Flow's credit, and under it the caption with the legend folded away, so the
 * diagram, the caption and the player fit one window (ARCHITECTURE.md, "The sandbox page").
 */
import type { ReactNode, Ref } from 'react';
import { DiagramLegend } from './DiagramLegend';

/** Room under the drawing for the zoom controls and the credit, so they never cover a service. */
export const CONTROL_STRIP = 40;
/** Between the pane and its caption (Tailwind's gap-2). */
export const CAPTION_GAP = 8;
/** The pane's border, top and bottom. */
export const FRAME_BORDERS = 2;

interface DiagramFrameProps {
  paneRef?: Ref<HTMLDivElement>;
  captionRef?: Ref<HTMLElement>;
  /** The drawing's height in CSS pixels; the pane adds the control strip. Unknown: as tall as its content. */
  height?: number;
  children: ReactNode;
  caption?: ReactNode;
}

export function DiagramFrame({ paneRef, captionRef, height, children, caption }: DiagramFrameProps) {
  // Named here: a figure otherwise takes its name from its caption, which is the legend toggle and the narration.
  return (
    <figure className="m-0 flex flex-col" style={{ gap: CAPTION_GAP }} aria-label="The request's path">
      <div className="overflow-hidden rounded-xl border border-slate-200 bg-slate-50/40 dark:border-slate-800 dark:bg-slate-900/40">
        <div
          ref={paneRef}
          className="@container relative w-full"
          style={height === undefined ? { paddingBottom: CONTROL_STRIP } : { height: height + CONTROL_STRIP }}
          role="group"
          aria-label="Diagram of the request's path. Each service, link and packet is a button that shows its details."
        >
          {children}
        </div>
      </div>
      <figcaption ref={captionRef} className="flex flex-col gap-1.5">
        {caption}
        <details className="text-xs text-slate-700 dark:text-slate-300">
          <summary className="cursor-pointer">What the colours and shapes mean</summary>
          <div className="mt-1.5">
            <DiagramLegend />
          </div>
        </details>
      </figcaption>
    </figure>
  );
}
