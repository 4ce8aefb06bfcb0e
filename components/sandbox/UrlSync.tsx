'use client';

/**
 * Keeps the address bar and the store in step. On load the link is applied (what it cannot use becomes
 * notices); afterwards every change rewrites the link in place, so the address bar is always a share link.
 * During playback the link is written when playback stops, not sixty times a second.
 *
 * The decoder and its schema validation (zod) load only when the page was opened with a link: a plain visit
 * to the sandbox never needs them. Until the link is applied nothing is written, so the address bar keeps it.
 */
import { useEffect } from 'react';
import { linkFor } from '@/lib/store/sandbox-store';
import { useSandboxStore } from './store-context';

export function UrlSync() {
  const store = useSandboxStore();

  useEffect(() => {
    let stopped = false;
    let unsubscribe = () => {};
    const write = () => {
      const state = store.getState();
      if (state.playing) return;
      const query = linkFor(state);
      const next = `${window.location.pathname}${query ? `?${query}` : ''}`;
      if (next !== `${window.location.pathname}${window.location.search}`) window.history.replaceState(window.history.state, '', next);
    };
    const sync = () => {
      if (stopped) return;
      write();
      unsubscribe = store.subscribe(write);
    };

    const query = window.location.search;
    if (query.length > 1) {
      void import('@/lib/scenario/url-codec').then(({ decodeLink }) => {
        if (stopped) return;
        store.getState().applyLink(decodeLink(query));
        sync();
      });
    } else {
      sync();
    }
    return () => {
      stopped = true;
      unsubscribe();
    };
  }, [store]);

  return null;
}
