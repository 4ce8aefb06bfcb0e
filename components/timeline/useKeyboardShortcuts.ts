'use client';

/**
 * Space plays and pauses, ←/→ step by event, Home/End jump to the ends — unless focus is in a control
 * that uses those keys itself (text fields, selects, the scrubber, or a button for Space).
 */
import { useEffect } from 'react';
import { useSandboxStore } from '@/components/sandbox/store-context';

function ownsKey(target: EventTarget | null, key: string): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') {
    const type = (target as HTMLInputElement).type;
    return !(type === 'checkbox' || type === 'radio') || key === ' ';
  }
  if ((tag === 'BUTTON' || tag === 'A' || tag === 'SUMMARY') && (key === ' ' || key === 'Enter')) return true;
  return false;
}

export function useKeyboardShortcuts(): void {
  const store = useSandboxStore();
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
      if (ownsKey(event.target, event.key)) return;
      const actions = store.getState();
      const handlers: Record<string, () => void> = {
        ' ': actions.togglePlay,
        ArrowRight: actions.stepForward,
        ArrowLeft: actions.stepBack,
        Home: actions.toStart,
        End: actions.toEnd,
      };
      const handler = handlers[event.key];
      if (!handler) return;
      event.preventDefault();
      handler();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [store]);
}
