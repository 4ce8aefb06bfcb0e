// @vitest-environment jsdom
import { cleanup, render, waitFor } from '@testing-library/react';
import { useLayoutEffect } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO } from '@/lib/scenario/defaults';
import { withMode } from '@/lib/scenario/modes';
import { decodeLink } from '@/lib/scenario/url-codec';
import { createSandboxStore, type SandboxStore } from '@/lib/store/sandbox-store';
import { SandboxStoreProvider } from './store-context';
import { onlyModeSwitched, UrlSync } from './UrlSync';

afterEach(() => {
  cleanup();
  window.history.replaceState(null, '', '/');
});

describe('a change made before the link was read', () => {
  it('is only a switch of mode when nothing but the mode (and what a rule ties to it) differs', () => {
    expect(onlyModeSwitched(DEFAULT_SCENARIO, withMode(DEFAULT_SCENARIO, 'traffic'))).toBe(true);
    expect(onlyModeSwitched(DEFAULT_SCENARIO, DEFAULT_SCENARIO)).toBe(false);
    const slower = { ...withMode(DEFAULT_SCENARIO, 'traffic'), db: { ...DEFAULT_SCENARIO.db, engine: 'mysql' as const } };
    expect(onlyModeSwitched(DEFAULT_SCENARIO, slower)).toBe(false);
  });

  // Hydration's commit lets the browser hand events to the live controls before React runs the page's passive
  // effects. A mode chosen then must count as a change made before the link was read, not as the page it opened on.
  it('keeps a mode chosen on the live page in the commit that hydrated it, before the link is applied', async () => {
    const link = '?db=slow';
    window.history.replaceState(null, '', `/sandbox/${link}`);
    const store = createSandboxStore();
    function ChooseTrafficAtOnce({ store }: { store: SandboxStore }) {
      useLayoutEffect(() => store.getState().updateScenario((s) => withMode(s, 'traffic')), [store]);
      return null;
    }
    let read = false;
    render(
      <SandboxStoreProvider store={store}>
        <UrlSync onRead={() => (read = true)} />
        <ChooseTrafficAtOnce store={store} />
      </SandboxStoreProvider>,
    );
    await waitFor(() => expect(read).toBe(true));

    const opened = createSandboxStore();
    opened.getState().applyLink(decodeLink(link));
    expect(store.getState().scenario).toEqual(withMode(opened.getState().scenario, 'traffic'));
  });
});
