// @vitest-environment jsdom
import { act, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { hydrateRoot, type Root } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { afterEach, describe, expect, it } from 'vitest';
import { EARLY_INPUT_SCRIPT, replayEarlyInput, takeEarlyInput, type EarlyStep } from './early-input';

/** A player in miniature: a speed menu and a play button, each reporting what it did. */
function Player({ done }: { done: (step: string) => void }) {
  const [speed, setSpeed] = useState('1');
  // A shortcut on the document, as useKeyboardShortcuts listens, unless a menu has the key.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'ArrowRight' && !(e.target instanceof HTMLSelectElement)) done('step');
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [done]);
  // As in the sandbox: taken in the hydrating commit, replayed a task later (there, once the link is read).
  const early = useRef<EarlyStep[]>([]);
  useLayoutEffect(() => {
    early.current = takeEarlyInput();
  }, []);
  useEffect(() => {
    const later = setTimeout(() => replayEarlyInput(early.current));
    return () => clearTimeout(later);
  }, []);
  return (
    <>
      <select aria-label="Speed" value={speed} onChange={(e) => (setSpeed(e.target.value), done(`speed ${e.target.value}`))}>
        <option value="1">1×</option>
        <option value="2">2×</option>
      </select>
      <button type="button" onClick={() => done(`play at ${speed}`)}>
        Play
      </button>
    </>
  );
}

let root: Root | undefined;
const container = document.createElement('div');
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

afterEach(() => {
  act(() => root?.unmount());
  root = undefined;
  container.remove();
  window.__roundtripEarlyInput = undefined;
});

/** The sandbox's static HTML, with the inline recorder running, as the page is before its scripts arrive. */
function loadStaticPage() {
  container.innerHTML = renderToString(<Player done={() => {}} />);
  document.body.append(container);
  new Function(EARLY_INPUT_SCRIPT)();
}

/** Starts hydrating the static page; what the live player does is added to `steps`. */
function hydrate(steps: string[]) {
  root = hydrateRoot(container, <Player done={(step) => steps.push(step)} />);
}

/** Lets the replay, one step per task, run out. */
const settle = () => act(() => new Promise((resolve) => setTimeout(resolve, 10)));

describe('what a learner does before the sandbox has hydrated', () => {
  it('is replayed on the live controls, in order, once React has hydrated them', async () => {
    loadStaticPage();

    // The static HTML: the menu shows the choice at once; the button does nothing yet.
    const select = container.querySelector('select')!;
    select.value = '2';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    container.querySelector('button')!.click();

    const steps: string[] = [];
    await act(async () => hydrate(steps));
    await settle();

    expect(steps).toEqual(['speed 2', 'play at 2']);
    expect(container.querySelector('select')!.value).toBe('2');
  });

  it('presses the player\'s shortcut keys again where they were pressed', async () => {
    loadStaticPage();
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
    // An arrow in the menu is the menu's: replayed there, the shortcut leaves it alone.
    container.querySelector('select')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'x', bubbles: true }));
    const steps: string[] = [];
    await act(async () => hydrate(steps));
    await settle();
    expect(steps).toEqual(['step']);
  });

  it('leaves alone the press that made React hydrate: the live button handles it', async () => {
    loadStaticPage();
    const steps: string[] = [];
    // Hydration has begun but not finished when the press comes: React hydrates at once, inside the press, and
    // hands it to the live button. The recorder heard it first.
    hydrate(steps);
    container.querySelector('button')!.click();
    await settle();
    expect(steps).toEqual(['play at 1']);
  });

  it('stops recording once replayed: React handles everything after', async () => {
    loadStaticPage();
    const steps: string[] = [];
    await act(async () => hydrate(steps));
    act(() => container.querySelector('button')!.click());
    await settle();
    expect(steps).toEqual(['play at 1']);
    expect(window.__roundtripEarlyInput).toBeUndefined();
  });
});
