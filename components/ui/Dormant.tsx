'use client';

/**
 * An island of server-rendered HTML that stays inert until it is needed. The static HTML shows it in full
 * (text, choices, headings: readable and in the accessibility tree), but on load React leaves that HTML alone:
 * it neither hydrates it nor loads its code. The island wakes when the reader comes within `margin` of it,
 * points at it, focuses into it or clicks it; then its children render for real, in a transition, so the old
 * HTML stays until the new is ready. A click that arrives before then is held and replayed on the same
 * element of the live island, and focus moves to the same element, so nothing the reader does is lost.
 *
 * How: during hydration the wrapper renders with an empty `dangerouslySetInnerHTML`, which React treats as a
 * leaf and never compares with the server's children. After a client-side navigation there is no server
 * HTML (no element carries the wrapper's id), so the children render at once.
 */
import { startTransition, useEffect, useId, useLayoutEffect, useRef, useState, type ReactNode } from 'react';

type Pending = { kind: 'click' | 'focus'; path: number[] } | null;

/** Where an element sits below the root, as child indexes, to find its twin in the live island. */
function pathTo(root: Element, target: Element): number[] {
  const path: number[] = [];
  for (let node: Element | null = target; node && node !== root; node = node.parentElement) {
    if (!node.parentElement) return [];
    path.unshift(Array.prototype.indexOf.call(node.parentElement.children, node));
  }
  return path;
}

function follow(root: Element, path: number[]): HTMLElement | null {
  let node: Element | undefined = root;
  for (const index of path) node = node?.children[index];
  return node instanceof HTMLElement ? node : null;
}

export function Dormant({ children, margin = '100% 0px', className }: { children: ReactNode; margin?: string; className?: string }) {
  const id = useId();
  const ref = useRef<HTMLDivElement>(null);
  const [awake, setAwake] = useState(() => typeof document === 'undefined' || !document.getElementById(id));
  const pending = useRef<Pending>(null);
  // Set when the live island is in the page, before the held click is replayed: the listeners below are removed
  // only after that (passive effects run after layout effects), and must not hold the replayed click again.
  const live = useRef(awake);

  useEffect(() => {
    const element = ref.current;
    if (awake || !element) return;
    const wake = () => startTransition(() => setAwake(true));
    const observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && wake(), { rootMargin: margin });
    observer.observe(element);
    const onClick = (event: MouseEvent) => {
      if (live.current || !(event.target instanceof Element)) return;
      event.preventDefault();
      event.stopPropagation();
      pending.current = { kind: 'click', path: pathTo(element, event.target) };
      wake();
    };
    const onFocus = (event: FocusEvent) => {
      if (live.current) return;
      if (event.target instanceof Element && !pending.current) pending.current = { kind: 'focus', path: pathTo(element, event.target) };
      wake();
    };
    element.addEventListener('click', onClick, true);
    element.addEventListener('focusin', onFocus);
    element.addEventListener('pointerover', wake);
    element.addEventListener('touchstart', wake, { passive: true });
    return () => {
      observer.disconnect();
      element.removeEventListener('click', onClick, true);
      element.removeEventListener('focusin', onFocus);
      element.removeEventListener('pointerover', wake);
      element.removeEventListener('touchstart', wake);
    };
  }, [awake, margin]);

  useLayoutEffect(() => {
    live.current = awake;
    const held = pending.current;
    if (!awake || !held || !ref.current) return;
    pending.current = null;
    const twin = follow(ref.current, held.path);
    if (held.kind === 'focus') twin?.focus();
    else twin?.click();
  }, [awake]);

  if (!awake) return <div id={id} ref={ref} className={className} suppressHydrationWarning dangerouslySetInnerHTML={{ __html: '' }} />;
  return (
    <div id={id} ref={ref} className={className}>
      {children}
    </div>
  );
}
