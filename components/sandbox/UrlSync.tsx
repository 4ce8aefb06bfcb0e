'use client';

/**
 * Keeps the address bar and the store in step. On load the link is applied (what it cannot use becomes
 * notices); afterwards every change rewrites the link in place, so the address bar is always a share link.
 * During playback the link is written when playback stops, not sixty times a second.
 */
import { useEffect } from 'react';
import { linkFor } from '@/lib/store/sandbox-store';
import { useSandboxStore } from './store-context';

export function UrlSync() {
  const store = useSandboxStore();

  useEffect(() => {
    if (window.location.search.length > 1) store.getState().applyLink(window.location.search);

    const write = () => {
      const state = store.getState();
      if (state.playing) return;
      const query = linkFor(state);
      const next = `${window.location.pathname}${query ? `?${query}` : ''}`;
      if (next !== `${window.location.pathname}${window.location.search}`) window.history.replaceState(window.history.state, '', next);
    };
    write();
    return store.subscribe(write);
  }, [store]);

  return null;
}
