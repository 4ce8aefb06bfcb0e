'use client';

/**
 * A term that explains itself: a button that shows a short explanation on hover, on keyboard focus, and on
 * click or tap (which keeps it open until the next click, a tap elsewhere, or Escape). The explanation is also
 * the button's description, so a screen reader reads it with the term. A `title` alone would reach neither
 * keyboards nor touch screens.
 */
import { useEffect, useId, useLayoutEffect, useRef, useState, type ReactNode } from 'react';

type State = 'closed' | 'peek' | 'pinned';

/** Space kept between the explanation and the edge of the window. */
const MARGIN_PX = 8;

/** Focus that came from the keyboard. A browser that does not know :focus-visible rejects the selector. */
function keyboardFocus(element: Element): boolean {
  try {
    return element.matches(':focus-visible');
  } catch {
    return false;
  }
}

export function Explained({ term, children }: { term: ReactNode; children: ReactNode }) {
  const id = useId();
  const [state, setState] = useState<State>('closed');
  const [shift, setShift] = useState(0);
  const wrapper = useRef<HTMLSpanElement>(null);
  const tip = useRef<HTMLSpanElement>(null);
  const open = state !== 'closed';

  // Keep the explanation inside the window: near the right edge it moves left, never past the left edge.
  useLayoutEffect(() => {
    if (!open || !tip.current) return;
    const rect = tip.current.getBoundingClientRect();
    // Where it would sit unshifted.
    const left = rect.left - shift;
    const right = rect.right - shift;
    const fits = Math.min(0, window.innerWidth - MARGIN_PX - right);
    setShift(Math.max(fits, MARGIN_PX - left));
    // Measured once per opening; the shift itself must not trigger another measurement.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open]);

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && setState('closed');
    const onPointerDown = (e: PointerEvent) => !wrapper.current?.contains(e.target as Node) && setState('closed');
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointerDown);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointerDown);
    };
  }, [open]);

  return (
    <span
      ref={wrapper}
      className="relative inline-block"
      onPointerEnter={(e) => e.pointerType === 'mouse' && setState((s) => (s === 'closed' ? 'peek' : s))}
      onPointerLeave={(e) => e.pointerType === 'mouse' && setState((s) => (s === 'peek' ? 'closed' : s))}
    >
      <button
        type="button"
        aria-expanded={open}
        aria-describedby={id}
        className="cursor-help rounded-sm underline decoration-slate-400 decoration-dotted underline-offset-4 dark:decoration-slate-500"
        onClick={() => setState((s) => (s === 'pinned' ? 'closed' : 'pinned'))}
        // Keyboard focus shows it; a mouse click's focus is handled by the click.
        onFocus={(e) => keyboardFocus(e.currentTarget) && setState((s) => (s === 'closed' ? 'peek' : s))}
        onBlur={() => setState('closed')}
      >
        {term}
      </button>
      <span
        ref={tip}
        id={id}
        role="tooltip"
        hidden={!open}
        style={shift ? { transform: `translateX(${shift}px)` } : undefined}
        className="absolute top-full left-0 z-30 mt-1.5 w-max max-w-[min(18rem,calc(100vw-1rem))] rounded-md border border-slate-300 bg-white px-3 py-2 text-left text-xs leading-snug font-normal text-slate-800 shadow-lg dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100"
      >
        {children}
      </span>
    </span>
  );
}
