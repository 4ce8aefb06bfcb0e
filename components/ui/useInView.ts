'use client';

import { useEffect, useRef, useState } from 'react';
import { onFirstUse } from './first-use';

/**
 * True once the element is on screen (at least `threshold` of it showing), or within `margin` of the screen once the
 * learner has used the page, and from then on. Heavy islands (a lesson's simulators and walkthroughs, the live demo)
 * mount only when a reader gets there, so a page's load stays light.
 *
 * Why the use: an island just below the fold at load (the edge-caching lesson's first simulator, 125 px under a
 * 412 × 823 screen) used to mount during the load, its engine, React Flow and first layout a series of 25–50 ms tasks
 * while the page was still starting. A reader on the way to it touches, turns a wheel, presses a key, moves a pointer
 * or scrolls first (`components/ui/first-use`), so it starts loading then, a screen ahead of them, as it did before.
 * On a page reached by a client-side navigation the page counts as used, and the margin alone decides.
 */
export function useInView<T extends Element>(margin = '200px 0px', threshold = 0) {
  const ref = useRef<T>(null);
  const [inView, setInView] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (!element || inView) return;
    let stopWaiting: (() => void) | undefined;
    const wait = () => {
      stopWaiting ??= onFirstUse(() => setInView(true));
    };
    const observer = new IntersectionObserver(
      (entries) => {
        const near = entries.find((entry) => entry.isIntersecting && entry.intersectionRatio >= threshold);
        if (!near) {
          stopWaiting?.();
          stopWaiting = undefined;
          return;
        }
        const { top, bottom } = near.boundingClientRect;
        if (top < window.innerHeight && bottom > 0) setInView(true);
        else wait();
      },
      { rootMargin: margin, threshold },
    );
    observer.observe(element);
    return () => {
      observer.disconnect();
      stopWaiting?.();
    };
  }, [inView, margin, threshold]);
  return [ref, inView] as const;
}
