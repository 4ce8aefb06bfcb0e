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
 * while the page was still starting. A reader who is going to scroll to it touches, turns a wheel, presses a key or
 * moves a pointer first, so it starts loading then, a screen ahead of them, as it did before. Scrolling counts too, for
 * a scroll no input announced (find in page, a link to a heading). On a page without the inline first-use script, or
 * one reached by a client-side navigation, the page counts as used (`onFirstUse`), and margin alone decides.
 */
export function useInView<T extends Element>(margin = '200px 0px', threshold = 0) {
  const ref = useRef<T>(null);
  const [inView, setInView] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (!element || inView) return;
    let stopWaiting: (() => void) | undefined;
    const wait = () => {
      if (stopWaiting) return;
      const stopUse = onFirstUse(() => setInView(true));
      const scrolled = () => setInView(true);
      window.addEventListener('scroll', scrolled, { passive: true, once: true });
      stopWaiting = () => {
        stopUse();
        window.removeEventListener('scroll', scrolled);
      };
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
