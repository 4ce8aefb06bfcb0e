// @vitest-environment jsdom
import { act, useState } from 'react';
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
    // Live at once: the click runs its handler as it happens, not after a wake and a replay.
    serverButton!.click();
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

  it('carries a choice made in the static HTML, before hydration, to the live island', async () => {
    function Picker({ onPick }: { onPick: (value: string) => void }) {
      const [speed, setSpeed] = useState('1');
      const [loop, setLoop] = useState(false);
      return (
        <>
          <select aria-label="Speed" value={speed} onChange={(e) => (setSpeed(e.target.value), onPick(`speed ${e.target.value}`))}>
            <option value="1">1×</option>
            <option value="2">2×</option>
          </select>
          <input type="checkbox" aria-label="Loop" checked={loop} onChange={(e) => (setLoop(e.target.checked), onPick(`loop ${e.target.checked}`))} />
        </>
      );
    }
    const Form = ({ wakeNow, onPick }: { wakeNow: boolean; onPick: (value: string) => void }) => (
      <Dormant wakeNow={wakeNow}>
        <Picker onPick={onPick} />
      </Dormant>
    );
    container.innerHTML = ''; // No island of the same id in the page while the server's HTML is made.
    container.innerHTML = renderToString(<Form wakeNow={false} onPick={() => {}} />);
    // The reader's choices, made while the page was still static HTML.
    container.querySelector('select')!.value = '2';
    container.querySelector<HTMLInputElement>('input')!.checked = true;

    const picked: string[] = [];
    await act(async () => {
      root = hydrateRoot(container, <Form wakeNow={false} onPick={(v) => picked.push(v)} />);
    });
    await act(async () => root!.render(<Form wakeNow onPick={(v) => picked.push(v)} />));
    await act(() => new Promise((resolve) => setTimeout(resolve, 10)));
    expect(picked).toEqual(['speed 2', 'loop true']);
    expect(container.querySelector('select')!.value).toBe('2');
    expect(container.querySelector('input')!.checked).toBe(true);
  });
});
