'use client';

import { useCallback, useState } from 'react';

/**
 * The content width of an element, kept current with a ResizeObserver; 0 until measured. Returns a
 * callback ref, so the observer follows the element if it is replaced.
 */
export function useContainerWidth<T extends HTMLElement>(): [(element: T | null) => void, number] {
  const [width, setWidth] = useState(0);
  const ref = useCallback((element: T | null) => {
    if (!element) return;
    setWidth(element.getBoundingClientRect().width);
    const observer = new ResizeObserver(([entry]) => entry && setWidth(entry.contentRect.width));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}
