'use client';

import { useSyncExternalStore } from 'react';

/**
 * Whether the page is dark: the `dark` class on <html> (ThemeToggle sets it, before paint too). Watched with a
 * MutationObserver, since a canvas cannot follow the `dark:` variant and must be drawn again in the other colours.
 */
export function useDarkClass(): boolean {
  return useSyncExternalStore(subscribe, isDark, () => false);
}

function isDark(): boolean {
  return document.documentElement.classList.contains('dark');
}

function subscribe(onChange: () => void): () => void {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['class'] });
  return () => observer.disconnect();
}
