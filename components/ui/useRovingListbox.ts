'use client';

/**
 * A listbox that is one tab stop: the options are reached with the arrow keys, Home, End, Page Up and
 * Page Down (a roving tabindex), and Enter or Space picks the focused one. While focus is elsewhere, the
 * tab stop sits on `activeIndex` (the option that matches what is on screen), so tabbing in lands there.
 */
import { useCallback, useState, type FocusEvent, type KeyboardEvent, type RefObject } from 'react';

const PAGE = 10;

export interface RovingListbox {
  /** For the element with role="listbox". */
  onKeyDown: (event: KeyboardEvent) => void;
  onBlur: (event: FocusEvent) => void;
  /** The tabIndex for option `index`: 0 for the one tab stop, -1 for the rest. */
  tabIndexOf: (index: number) => 0 | -1;
  /** Call from an option's click, so a later arrow key continues from there. */
  focusFrom: (index: number) => void;
}

/** `list` is the listbox element; its options carry `data-option-index`. */
export function useRovingListbox(list: RefObject<HTMLElement | null>, count: number, activeIndex: number | null, onPick: (index: number) => void): RovingListbox {
  // While focus is inside, the learner's own position; null when focus is outside and the tab stop follows the screen.
  const [focused, setFocused] = useState<number | null>(null);
  const stop = Math.min(Math.max(0, focused ?? activeIndex ?? 0), Math.max(0, count - 1));

  const moveTo = useCallback(
    (index: number) => {
      setFocused(index);
      list.current?.querySelector<HTMLElement>(`[data-option-index="${index}"]`)?.focus();
    },
    [list],
  );

  const onKeyDown = (event: KeyboardEvent) => {
    if (count === 0 || event.altKey || event.ctrlKey || event.metaKey) return;
    const moves: Record<string, number> = {
      ArrowDown: stop + 1,
      ArrowUp: stop - 1,
      Home: 0,
      End: count - 1,
      PageDown: stop + PAGE,
      PageUp: stop - PAGE,
    };
    if (event.key in moves) {
      event.preventDefault();
      moveTo(Math.min(count - 1, Math.max(0, moves[event.key]!)));
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onPick(stop);
    }
  };

  const onBlur = (event: FocusEvent) => {
    if (!list.current?.contains(event.relatedTarget as Node | null)) setFocused(null);
  };

  return {
    onKeyDown,
    onBlur,
    tabIndexOf: (index) => (index === stop ? 0 : -1),
    focusFrom: setFocused,
  };
}
