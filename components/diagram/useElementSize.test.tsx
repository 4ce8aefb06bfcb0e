// @vitest-environment jsdom
/**
 * The two ways an element's size reaches its component: read as it mounts (forcing a layout), or from the
 * ResizeObserver's first report. jsdom lays nothing out, so the observer is a fake the test reports through.
 */
import { act, render } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useElementSize, type ElementSizeOptions } from './useElementSize';

type Report = (width: number, height: number) => void;

/** A ResizeObserver whose reports the test sends; `reports` holds one sender per observed element. */
function fakeObserver() {
  const reports: Report[] = [];
  class FakeResizeObserver {
    constructor(private readonly callback: ResizeObserverCallback) {}
    observe(): void {
      reports.push((width, height) => this.callback([{ contentRect: { width, height } } as ResizeObserverEntry], this as unknown as ResizeObserver));
    }
    unobserve(): void {}
    disconnect(): void {}
  }
  vi.stubGlobal('ResizeObserver', FakeResizeObserver);
  return reports;
}

function Measured(options: ElementSizeOptions) {
  const [ref, size] = useElementSize<HTMLDivElement>(options);
  return <div ref={ref}>{`${size.width}×${size.height}`}</div>;
}

const rect = (width: number, height: number) => ({ x: 0, y: 0, top: 0, left: 0, right: width, bottom: height, width, height, toJSON: () => ({}) });

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('useElementSize', () => {
  it('reads the size as the element mounts by default, then follows the observer', () => {
    const reports = fakeObserver();
    const read = vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockReturnValue(rect(640, 200));
    const { container } = render(<Measured />);
    expect(read).toHaveBeenCalled();
    expect(container.textContent).toBe('640×200');
    act(() => reports[0]!(500, 180));
    expect(container.textContent).toBe('500×180');
  });

  it('with measureOnMount false, forces no layout and waits for the observer’s first report', async () => {
    const reports = fakeObserver();
    const read = vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockReturnValue(rect(640, 200));
    const { container } = render(<Measured measureOnMount={false} />);
    expect(read).not.toHaveBeenCalled();
    expect(container.textContent).toBe('0×0');
    await act(async () => reports[0]!(640, 200));
    expect(container.textContent).toBe('640×200');
  });
});
