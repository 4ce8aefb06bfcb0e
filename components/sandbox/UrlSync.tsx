'use client';

/**
 * Keeps the address bar and the store in step. On load the link is applied (what it cannot use becomes
 * notices); afterwards every change rewrites the link in place, so the address bar is always a share link.
 * During playback the link is written when playback stops, not sixty times a second.
 *
 * The decoder and its schema validation (zod) load only when the page was opened with a link: a plain visit
 * to the sandbox never needs them. The download starts as soon as this module runs, before hydration, so the
 * link is usually applied before the learner can touch anything. Until it is applied nothing is written, so the
 * address bar keeps it; should the learner change the conditions first, their change stands and the link is
 * set aside with a notice (a switch of mode alone changes no condition: the link is applied in that mode); should
 * the decoder fail to load, the link stays in the address bar for a reload.
 */
import { useEffect, useState } from 'react';
import { sameData } from '@/lib/compare/same-data';
import { withMode } from '@/lib/scenario/modes';
import type { Scenario } from '@/lib/scenario/schema';
import { linkFor } from '@/lib/store/sandbox-store';
import { useSandboxStore } from './store-context';

const opened = typeof window === 'undefined' ? '' : window.location.search;
const decoder = opened.length > 1 ? import('@/lib/scenario/url-codec') : null;
// A failed download is reported where the link is applied; this only keeps it from counting as unhandled meanwhile.
decoder?.catch(() => {});

/** True when `now` is `before` switched to another mode and nothing else: no condition the learner set. */
export function onlyModeSwitched(before: Scenario, now: Scenario): boolean {
  return now.mode !== before.mode && sameData(withMode(before, now.mode), now);
}

/**
 * `onRead` runs once the link is applied, set aside or found unreadable, or at once when there is none. Keep it
 * stable: a new one applies the link again.
 */
export function UrlSync({ onRead }: { onRead?: () => void }) {
  const store = useSandboxStore();
  // The conditions the page opened on, read as it renders. Hydration's commit can hand a click to the live controls
  // before React runs this component's effect, so a baseline read there could already hold the learner's change,
  // and the link would then be applied over it.
  const [untouched] = useState(() => store.getState().scenario);

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
      onRead?.();
    };

    const query = window.location.search;
    if (query.length > 1) {
      void (query === opened && decoder ? decoder : import('@/lib/scenario/url-codec')).then(
        ({ decodeLink }) => {
          if (stopped) return;
          const now = store.getState().scenario;
          if (now === untouched) store.getState().applyLink(decodeLink(query));
          else if (onlyModeSwitched(untouched, now)) {
            // A mode keeps the conditions (lib/scenario/modes.ts): the link's conditions, run the way the learner chose.
            store.getState().applyLink(decodeLink(query));
            store.getState().updateScenario((s) => withMode(s, now.mode));
          } else store.getState().notify({ param: 'link', message: 'The conditions changed before the link was read, so your changes stand and the link was set aside.' });
          sync();
        },
        () => {
          if (stopped) return;
          store.getState().notify({ param: 'link', message: 'The link could not be read: part of the page did not load. Reload the page to try again.' });
          onRead?.();
        },
      );
    } else {
      sync();
    }
    return () => {
      stopped = true;
      unsubscribe();
    };
  }, [store, onRead, untouched]);

  return null;
}
