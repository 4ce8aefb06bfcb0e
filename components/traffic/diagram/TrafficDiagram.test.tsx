// @vitest-environment jsdom
/**
 * The traffic diagram as a learner meets it: a named figure with its controls labelled, and a text alternative that
 * follows the playhead stretch by stretch. jsdom has no layout, so no drawing: what is tested is what is said.
 */
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { decodeLink } from '@/lib/scenario/url-codec';
import { runTrafficSync } from '@/lib/traffic';
import { TrafficDiagram } from './TrafficDiagram';

beforeAll(() => {
  // jsdom has neither: the diagram asks whether it is on screen and whether the learner wants reduced motion.
  globalThis.IntersectionObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
    takeRecords() {
      return [];
    }
  } as unknown as typeof IntersectionObserver;
  window.matchMedia ??= ((query: string) => ({ matches: false, media: query, addEventListener() {}, removeEventListener() {} })) as unknown as typeof window.matchMedia;
});
afterEach(cleanup);

const scenario = decodeLink('preset=retry-storm&duration=30&timeline=10:db-slow,20:db-ok').scenario;
const result = runTrafficSync(scenario);

function show(props: Partial<Parameters<typeof TrafficDiagram>[0]> = {}) {
  return render(<TrafficDiagram series={result.series} bucketS={result.bucketS} durationS={30} scenario={scenario} {...props} />);
}

describe('the traffic diagram', () => {
  it('is a figure whose text alternative lists the figures of the playhead’s stretch', () => {
    show({ at: 12.5 });
    const figure = screen.getByRole('figure', { name: 'Traffic through the system' });
    const description = figure.getAttribute('aria-describedby')!;
    const alternative = document.getElementById(description)!;
    const p = result.series[12]!;
    expect(alternative.querySelector('p')!.textContent).toBe('From 12 s to 13 s of 30 s:');
    const items = within(alternative).getAllByRole('listitem').map((li) => li.textContent);
    expect(items).toContain(`Load balancer and reverse proxy: ${Math.round(p.originRps)} requests a second on to the app.`);
    expect(items.some((s) => s!.startsWith('Database: 30 of 30 pooled connections in use'))).toBe(true);
    // Read out when the learner seeks, not while it plays.
    expect(alternative.getAttribute('aria-live')).toBe('polite');
  });

  it('seeks with a labelled slider, and tells a parent that controls the playhead', () => {
    const onSeek = vi.fn();
    const { rerender } = show({ at: 0, onSeek });
    const slider = screen.getByRole('slider', { name: 'Time' });
    expect(slider.getAttribute('aria-valuetext')).toBe('0 s of 30 s');
    fireEvent.change(slider, { target: { value: '25' } });
    expect(onSeek).toHaveBeenCalledWith(25);
    // Controlled: nothing moves until the parent passes the new time back.
    expect(screen.getByText(/^From 0 s to 1 s/)).toBeTruthy();
    rerender(<TrafficDiagram series={result.series} bucketS={result.bucketS} durationS={30} scenario={scenario} at={25} onSeek={onSeek} />);
    expect(screen.getByText(/^From 25 s to 26 s/)).toBeTruthy();
  });

  it('keeps its own playhead when none is given, and plays and pauses from a button', () => {
    const onPlayingChange = vi.fn();
    show({ onPlayingChange });
    fireEvent.change(screen.getByRole('slider', { name: 'Time' }), { target: { value: '7' } });
    expect(screen.getByText(/^From 7 s to 8 s/)).toBeTruthy();
    act(() => screen.getByRole('button', { name: 'Play' }).click());
    expect(onPlayingChange).toHaveBeenLastCalledWith(true);
    const alternative = document.getElementById(screen.getByRole('figure').getAttribute('aria-describedby')!)!;
    expect(alternative.getAttribute('aria-live')).toBe('off');
    act(() => screen.getByRole('button', { name: 'Pause' }).click());
    expect(onPlayingChange).toHaveBeenLastCalledWith(false);
    expect(screen.getByRole('combobox', { name: 'Speed' })).toBeTruthy();
  });

  it('states the scale of a dot, or with reduced motion that widths stand in for dots', () => {
    show({ perDot: 5 });
    expect(screen.getByText('One dot stands for 5 requests a second')).toBeTruthy();
    expect(screen.getByRole('list', { name: 'Kinds of dot' })).toBeTruthy();
    cleanup();
    show({ reducedMotion: true });
    expect(screen.getByText(/Each link’s width and number show the requests per second/)).toBeTruthy();
    expect(screen.queryByRole('list', { name: 'Kinds of dot' })).toBeNull();
  });
});
