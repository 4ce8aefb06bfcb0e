'use client';

import { startTransition, useCallback, useState } from 'react';

export interface ElementSize {
  width: number;
  height: number;
}

export interface ElementSizeOptions {
  /**
   * Read the size as the element mounts (the default), so the first frame already has it. The read forces the
   * browser to lay out the whole page there and then, inside the task that mounts the element.
   *
   * `false` waits for the ResizeObserver's first report instead, which comes after the browser's own layout
   * (ResizeObserver, §3.4.6 of the spec: observations are gathered after layout, before paint), and applies it
   * as a transition, which React renders in slices. For a component that draws a placeholder of the same size
   * while the size is zero: the interactive diagram, whose static drawing holds its place meanwhile.
   */
  measureOnMount?: boolean;
}

/**
 * The content size of an element, kept current with a ResizeObserver; zero until measured. Returns a
 * callback ref, so the observer follows the element if it is replaced.
 */
export function useElementSize<T extends HTMLElement>({ measureOnMount = true }: ElementSizeOptions = {}): [(element: T | null) => void, ElementSize] {
  const [size, setSize] = useState<ElementSize>({ width: 0, height: 0 });
  const ref = useCallback(
    (element: T | null) => {
      if (!element) return;
      if (measureOnMount) {
        const { width, height } = element.getBoundingClientRect();
        setSize({ width, height });
      }
      const observer = new ResizeObserver(([entry]) => {
        if (!entry) return;
        const next = { width: entry.contentRect.width, height: entry.contentRect.height };
        if (measureOnMount) setSize(next);
        else startTransition(() => setSize(next));
      });
      observer.observe(element);
      return () => observer.disconnect();
    },
    [measureOnMount],
  );
  return [ref, size];
}
