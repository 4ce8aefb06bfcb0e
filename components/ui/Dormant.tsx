'use client';

/**
 * An island of server-rendered HTML that stays inert until it is needed. The static HTML shows it in full
 * (text, choices, headings: readable and in the accessibility tree), but on load React leaves that HTML alone:
 * it neither hydrates it nor loads its code. The island wakes when the reader comes within `margin` of it,
 * points at it, focuses into it, clicks it or changes one of its controls; then its children render for real,
 * in a transition, so the old HTML stays until the new is ready. Clicks that arrive before then act on the
 * static HTML as usual (a radio shows as checked at once) and are replayed, in order, on the same elements of
 * the live island; focus moves to the same element, and a control changed in the static HTML (before or after
 * hydration) is set to the same state on its live twin. So nothing the reader does is lost. `wakeNow` wakes it
 * in the same render, for a caller that knows the static HTML no longer shows what the live island would (a
 * hidden tab being shown, a changed input).
 *
 * How: during hydration the wrapper renders with an empty `dangerouslySetInnerHTML`, which React treats as a
 * leaf and never compares with the server's children. After a client-side navigation there is no server
 * HTML (no element carries the wrapper's id), so the children render at once.
 */
import { startTransition, useEffect, useId, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { applyControlState, changedFromHtml, isControl, type ControlState } from './control-state';

type Edit = { kind: 'edit'; path: number[] } & ControlState;
type Action = { kind: 'click'; path: number[] } | { kind: 'focus'; path: number[] } | Edit;

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

interface DormantProps {
  children: ReactNode;
  margin?: string;
  className?: string;
  wakeNow?: boolean;
}

/**
 * The form controls the reader changed in the static HTML, before React hydrated the page or woke the island: each
 * control's state against the one its HTML attributes set (`defaultValue`, `defaultChecked`, `defaultSelected`).
 */
function editsIn(root: Element): Edit[] {
  return [...root.querySelectorAll('input, select, textarea')].flatMap((control) => {
    const state = isControl(control) ? changedFromHtml(control) : null;
    return state ? [{ kind: 'edit' as const, path: pathTo(root, control), ...state }] : [];
  });
}

export function Dormant({ children, margin = '100% 0px', className, wakeNow = false }: DormantProps) {
  const id = useId();
  const ref = useRef<HTMLDivElement>(null);
  const [awake, setAwake] = useState(() => typeof document === 'undefined' || !document.getElementById(id));
  // Set while rendering, not from an effect: the render that shows a hidden tab also renders its content. Once awake,
  // it stays awake.
  if (wakeNow && !awake) setAwake(true);
  const pending = useRef<Action[]>([]);
  // Kept current while dormant, and carried to the live island after any held clicks.
  const edits = useRef<Edit[]>([]);
  // Set when the live island is in the page, before held actions are replayed: the listeners below are removed
  // only after that (passive effects run after layout effects), and must not hold the replayed clicks again.
  const live = useRef(awake);

  useEffect(() => {
    const element = ref.current;
    if (awake || !element) return;
    // Changes made before hydration are in the HTML's controls already; the wake reads them again.
    const record = () => {
      if (!live.current) edits.current = editsIn(element);
    };
    record();
    const wake = () => {
      record();
      startTransition(() => setAwake(true));
    };
    const observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && wake(), { rootMargin: margin });
    observer.observe(element);
    const hold = (kind: 'click' | 'focus') => (event: Event) => {
      if (live.current || !(event.target instanceof Element)) return;
      pending.current.push({ kind, path: pathTo(element, event.target) });
      wake();
    };
    const onClick = hold('click');
    const onFocus = hold('focus');
    element.addEventListener('click', onClick, true);
    element.addEventListener('focusin', onFocus);
    // A control changed is a control used.
    element.addEventListener('input', wake, true);
    element.addEventListener('change', wake, true);
    element.addEventListener('pointerover', wake);
    element.addEventListener('touchstart', wake, { passive: true });
    return () => {
      observer.disconnect();
      element.removeEventListener('click', onClick, true);
      element.removeEventListener('focusin', onFocus);
      element.removeEventListener('input', wake, true);
      element.removeEventListener('change', wake, true);
      element.removeEventListener('pointerover', wake);
      element.removeEventListener('touchstart', wake);
    };
  }, [awake, margin]);

  useLayoutEffect(() => {
    live.current = awake;
    const root = ref.current;
    if (!awake || !root || !(pending.current.length + edits.current.length)) return;
    const queue = [...pending.current, ...edits.current];
    pending.current = [];
    edits.current = [];
    // One action per task, so each sees the island as the one before left it (a checked answer enables "Check").
    const replay = () => {
      const action = queue.shift();
      if (!action) return;
      const twin = follow(root, action.path);
      if (action.kind === 'focus') twin?.focus();
      else if (action.kind === 'click') twin?.click();
      else if (twin) applyControlState(twin, action);
      if (queue.length) setTimeout(replay, 0);
    };
    replay();
  }, [awake]);

  if (!awake) return <div id={id} ref={ref} className={className} suppressHydrationWarning dangerouslySetInnerHTML={{ __html: '' }} />;
  return (
    <div id={id} ref={ref} className={className}>
      {children}
    </div>
  );
}
