'use client';

/** What the page around the diagram says: whether it is dark, and whether the tab is showing. */
import { useSyncExternalStore } from 'react';

function subscribeToTheme(onChange: () => void): () => void {
  // The theme is a class on <html> (components/ui/ThemeToggle.tsx), switched without a reload.
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['class'] });
  return () => observer.disconnect();
}

export function useDarkTheme(): boolean {
  return useSyncExternalStore(
    subscribeToTheme,
    () => document.documentElement.classList.contains('dark'),
    () => false,
  );
}

function subscribeToVisibility(onChange: () => void): () => void {
  document.addEventListener('visibilitychange', onChange);
  return () => document.removeEventListener('visibilitychange', onChange);
}

/** False while the tab is hidden: nothing is drawn that nobody sees. */
export function usePageVisible(): boolean {
  return useSyncExternalStore(
    subscribeToVisibility,
    () => document.visibilityState !== 'hidden',
    () => true,
  );
}
