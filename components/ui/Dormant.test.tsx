// @vitest-environment jsdom
import { act } from 'react';
import { hydrateRoot, type Root } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Dormant } from './Dormant';

// Nothing is ever in view here: only use or `wakeNow` wakes an island.
class NeverIntersecting {
  observe() {}
  disconnect() {}
}

function Island({ wakeNow, onGo }: { wakeNow: boolean; onGo: () => void }) {
  return (
    <Dormant wakeNow={wakeNow}>
      <button type="button" onClick={onGo}>
        Go
      </button>
    </Dormant>
  );
}

let container: HTMLDivElement;
let root: Root | undefined;

beforeEach(() => {
  vi.stubGlobal('IntersectionObserver', NeverIntersecting);
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
  container = document.createElement('div');
  document.body.append(container);
  // The static export's HTML, as the server rendered it.
  container.innerHTML = renderToString(<Island wakeNow={false} onGo={() => {}} />);
});

afterEach(() => {
  act(() => root?.unmount());
  root = undefined;
  container.remove();
  vi.unstubAllGlobals();
});

describe('a dormant island', () => {
  it('keeps the server HTML, unhydrated, until wakeNow renders it live in the same render', async () => {
    const go = vi.fn();
    const serverButton = container.querySelector('button');
    await act(async () => {
      root = hydrateRoot(container, <Island wakeNow={false} onGo={go} />);
    });
    expect(container.querySelector('button')).toBe(serverButton);

    await act(async () => root!.render(<Island wakeNow onGo={go} />));
    const live = container.querySelector('button')!;
    expect(live).not.toBe(serverButton);
    act(() => live.click());
    expect(go).toHaveBeenCalledTimes(1);
  });

  it('stays awake when wakeNow turns false again (a tab hidden after it was shown)', async () => {
    const go = vi.fn();
    const serverButton = container.querySelector('button');
    await act(async () => {
      root = hydrateRoot(container, <Island wakeNow={false} onGo={go} />);
    });
    await act(async () => root!.render(<Island wakeNow onGo={go} />));
    const live = container.querySelector('button');
    await act(async () => root!.render(<Island wakeNow={false} onGo={go} />));
    expect(container.querySelector('button')).toBe(live);
    expect(live).not.toBe(serverButton);
    act(() => container.querySelector('button')!.click());
    expect(go).toHaveBeenCalledTimes(1);
  });

  it('hydrates the server HTML when it is wanted from the start (a link that opens its tab)', async () => {
    const go = vi.fn();
    const serverButton = container.querySelector('button');
    await act(async () => {
      root = hydrateRoot(container, <Island wakeNow onGo={go} />);
    });
    expect(container.querySelector('button')).toBe(serverButton);
    act(() => serverButton!.click());
    expect(go).toHaveBeenCalledTimes(1);
  });

  it('holds a click on the static HTML and replays it on the live island', async () => {
    const go = vi.fn();
    await act(async () => {
      root = hydrateRoot(container, <Island wakeNow={false} onGo={go} />);
    });
    await act(async () => container.querySelector('button')!.click());
    expect(go).toHaveBeenCalledTimes(1);
  });
});
