'use client';

/**
 * Space plays and pauses, ←/→ step by event, Home/End jump to the ends — unless the key belongs to what
 * has focus: a form control (a radio group and a select move their choice with arrows, a text field its
 * caret, the scrubber its position), a widget that handles arrows itself (the event log, the waterfall,
 * any listbox, grid, menu, tab list, slider…), or a button or link activated with Space or Enter.
 */
import { useEffect } from 'react';
import { useSandboxStore } from '@/components/sandbox/store-context';
import { SHORTCUT_KEYS, type ShortcutKey } from './shortcut-keys';

/** ARIA roles whose widgets use arrow keys, Home and End themselves. */
const ARROW_ROLES = ['listbox', 'option', 'grid', 'gridcell', 'treegrid', 'tree', 'treeitem', 'menu', 'menubar', 'menuitem', 'menuitemradio', 'menuitemcheckbox', 'tablist', 'tab', 'radiogroup', 'radio', 'slider', 'spinbutton', 'combobox', 'toolbar', 'scrollbar'];
const ARROW_WIDGETS = ARROW_ROLES.map((role) => `[role="${role}"]`).join(',');

/** Whether the focused element (or the widget it is part of) uses this key itself. */
export function ownsKey(target: EventTarget | null, key: string): boolean {
  if (!(target instanceof Element)) return false;
  if (target instanceof HTMLElement && target.isContentEditable) return true;
  if (target.closest('input, select, textarea')) {
    // A checkbox only uses Space; every other control uses arrows (radios, ranges, number and text fields).
    const input = target.closest('input');
    return !(input?.type === 'checkbox') || key === ' ';
  }
  if (target.closest(ARROW_WIDGETS)) return true;
  if (target.closest('button, a[href], summary') && (key === ' ' || key === 'Enter')) return true;
  return false;
}

/** `enabled` is false while no single request is on screen (a traffic run's charts): the keys then play nothing. */
export function useKeyboardShortcuts(enabled = true): void {
  const store = useSandboxStore();
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
      if (ownsKey(event.target, event.key)) return;
      const actions = store.getState();
      const handlers: Record<ShortcutKey, () => void> = {
        ' ': actions.togglePlay,
        ArrowRight: actions.stepForward,
        ArrowLeft: actions.stepBack,
        Home: actions.toStart,
        End: actions.toEnd,
      };
      if (!(SHORTCUT_KEYS as readonly string[]).includes(event.key)) return;
      const handler = handlers[event.key as ShortcutKey];
      event.preventDefault();
      handler();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [store, enabled]);
}
