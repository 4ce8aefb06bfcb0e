'use client';

import { useEffect, useRef, useState } from 'react';

/**
 * True once the element has come within `margin` of the viewport (and at least `threshold` of it shows),
 * and from then on. Heavy islands (a simulator, the live demo) mount only when a reader gets there, so
 * page load stays light.
 */
export function useInView<T extends Element>(margin = '200px 0px', threshold = 0) {
  const ref = useRef<T>(null);
  const [inView, setInView] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (!element || inView) return;
    const observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && setInView(true), { rootMargin: margin, threshold });
    observer.observe(element);
    return () => observer.disconnect();
  }, [inView, margin, threshold]);
  return [ref, inView] as const;
}
