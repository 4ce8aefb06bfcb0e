// @vitest-environment jsdom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FIRST_USE_SCRIPT } from './first-use';
import { useInView } from './useInView';

/** An IntersectionObserver the test drives: `report(top)` says where the element is, as the browser would. */
let observed: { callback: IntersectionObserverCallback; options?: IntersectionObserverInit } | undefined;
class DrivenObserver {
  constructor(callback: IntersectionObserverCallback, options?: IntersectionObserverInit) {
    observed = { callback, options };
  }
  observe() {}
  disconnect() {
    observed = undefined;
  }
}
const HEIGHT = 823;
function report(top: number, { intersecting = true, ratio = 1 } = {}) {
  const entry = { isIntersecting: intersecting, intersectionRatio: ratio, boundingClientRect: { top, bottom: top + 400 } } as IntersectionObserverEntry;
  act(() => observed?.callback([entry], observed as unknown as IntersectionObserver));
}

function Island({ margin, threshold }: { margin?: string; threshold?: number }) {
  const [ref, inView] = useInView<HTMLDivElement>(margin, threshold);
  return <div ref={ref}>{inView ? 'live' : 'placeholder'}</div>;
}

let container: HTMLDivElement;
let root: Root;

beforeEach(() => {
  vi.stubGlobal('IntersectionObserver', DrivenObserver);
  vi.stubGlobal('innerHeight', HEIGHT);
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
  container = document.createElement('div');
  document.body.append(container);
});

afterEach(() => {
  act(() => root.unmount());
  container.remove();
  vi.unstubAllGlobals();
  delete window.__roundtripUsed;
});

function mount(props: { margin?: string; threshold?: number } = {}) {
  root = createRoot(container);
  act(() => root.render(<Island {...props} />));
}

describe('useInView on a page that has not been used yet', () => {
  beforeEach(() => new Function(FIRST_USE_SCRIPT)());

  it('goes live at once for an island on screen', () => {
    mount();
    report(600);
    expect(container.textContent).toBe('live');
  });

  it('waits for the first use for an island just below the screen, and then goes live', () => {
    mount();
    report(HEIGHT + 125);
    expect(container.textContent).toBe('placeholder');
    act(() => window.dispatchEvent(new Event('touchstart')));
    expect(container.textContent).toBe('live');
  });

  it('counts a scroll no input announced (find in page, a link to a heading) as a use', () => {
    mount();
    report(HEIGHT + 125);
    act(() => window.dispatchEvent(new Event('scroll')));
    expect(container.textContent).toBe('live');
  });

  it('stops waiting once the island is out of reach again', () => {
    mount();
    report(HEIGHT + 125);
    report(HEIGHT + 1000, { intersecting: false, ratio: 0 });
    act(() => window.dispatchEvent(new Event('keydown')));
    expect(container.textContent).toBe('placeholder');
  });

  it('asks the browser for the margin and threshold it was given, and holds back below the threshold', () => {
    mount({ margin: '0px', threshold: 0.4 });
    expect(observed?.options).toEqual({ rootMargin: '0px', threshold: 0.4 });
    report(700, { ratio: 0.1 });
    expect(container.textContent).toBe('placeholder');
    report(500, { ratio: 0.5 });
    expect(container.textContent).toBe('live');
  });
});

describe('useInView on a page reached without the first-use script (a client-side navigation)', () => {
  it('goes live for an island within the margin, used or not', () => {
    mount();
    report(HEIGHT + 125);
    expect(container.textContent).toBe('live');
  });
});
