// @vitest-environment jsdom
/**
 * The charts as a learner meets them: a heading per chart, a legend naming each line, a table of the stretches
 * whose buttons pick a moment (the keyboard's way in), the chosen stretch marked, and the run in one sentence.
 * uPlot draws on a real canvas in a browser; jsdom has none, so what it lacks is stubbed below, before uPlot loads.
 */
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { scenarioForPreset } from '@/lib/scenario/presets';
import type { Scenario } from '@/lib/scenario/schema';
import { scenarioWith } from '@/lib/testing/scenario';
import { stretchAt as stretch } from '@/lib/testing/series';
import { runTrafficSync, type SeriesPoint, type TrafficResult } from '@/lib/traffic';
import { describeRun } from '@/lib/traffic/describe';
import TrafficCharts from './TrafficCharts';

const canvasContexts = vi.hoisted(() => {
  // uPlot asks matchMedia for the pixel ratio as it loads; a canvas for a 2D context; Path2D for its lines.
  const noop = () => {};
  window.matchMedia = (query: string) => ({ matches: false, media: query, onchange: null, addListener: noop, removeListener: noop, addEventListener: noop, removeEventListener: noop, dispatchEvent: () => false });
  class Path2DStub {
    moveTo() {}
    lineTo() {}
    rect() {}
    arc() {}
    closePath() {}
    addPath() {}
    bezierCurveTo() {}
  }
  (globalThis as unknown as { Path2D: typeof Path2DStub }).Path2D = Path2DStub;
  const calls = { count: 0 };
  const context = new Proxy({} as Record<string | symbol, unknown>, {
    get: (target, key) => (key in target ? target[key] : key === 'measureText' ? () => ({ width: 40 }) : noop),
    set: (target, key, value) => {
      target[key] = value;
      return true;
    },
  });
  HTMLCanvasElement.prototype.getContext = function getContext() {
    calls.count += 1;
    return context;
  } as unknown as typeof HTMLCanvasElement.prototype.getContext;
  return calls;
});

beforeAll(() => {
  // jsdom lays nothing out: every box is 600 × 200, so the charts have a width to draw at.
  vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockReturnValue({ x: 0, y: 0, left: 0, top: 0, right: 600, bottom: 200, width: 600, height: 200, toJSON: () => ({}) });
});

afterEach(() => {
  cleanup();
  document.documentElement.classList.remove('dark');
});

const retryStorm = scenarioForPreset('retry-storm')!;
let stormRun: TrafficResult | null = null;
const storm = () => (stormRun ??= runTrafficSync(retryStorm));

function renderCharts(scenario: Scenario, series: SeriesPoint[], more: Partial<Parameters<typeof TrafficCharts>[0]> = {}) {
  return render(<TrafficCharts series={series} bucketS={1} durationS={scenario.traffic.durationS} scenario={scenario} {...more} />);
}

function openTable(title: string) {
  const summary = screen.getAllByText((_, el) => el?.tagName === 'SUMMARY' && el.textContent === `Show the data as a table: ${title}`)[0]!;
  const details = summary.closest('details')!;
  act(() => {
    details.open = true;
    details.dispatchEvent(new Event('toggle'));
  });
  return within(details).getByRole('table');
}

describe('the charts of a traffic run', () => {
  it('has a heading for each chart, and the breakers only when the run has one', () => {
    const { series } = storm();
    renderCharts(retryStorm, series);
    expect(screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual([
      'Requests and errors',
      'Latency percentiles',
      'Edge cache',
      'Database connection pools',
      'Retries',
      'Theory beside the run',
    ]);
    cleanup();
    const withBreaker = scenarioWith({ mode: 'traffic', resilience: { breaker: 'opossum' } });
    renderCharts(withBreaker, [stretch(0), stretch(1, { breakersOpen: 3 })], { headingLevel: 4 });
    expect(screen.getByRole('heading', { level: 4, name: 'Circuit breakers' })).toBeTruthy();
  }, 60_000);

  it('names every line in a legend, the theory lines among them', () => {
    const { series } = storm();
    renderCharts(retryStorm, series);
    const legend = (name: string) => within(screen.getByRole('list', { name: `Lines of ${name}` })).getAllByRole('listitem').map((li) => li.textContent);
    expect(legend('Requests and errors')).toEqual(['Answers a second', 'Error rate (right axis)']);
    expect(legend('Latency percentiles')).toEqual(['p50', 'p95', 'p99']);
    expect(legend('Database connection pools')).toEqual(['In use', 'Theory: in use, λ × hold time', 'Waiting', 'Theory: waiting, Erlang C']);
    // Caching is off in the retry storm: no hit ratio to predict, and the chart says why it has none.
    expect(legend('Edge cache')).toEqual(['Hit ratio', 'Origin requests a second (right axis)']);
    expect(screen.getByText('Nothing was looked up in the edge cache: caching is off, or no request could be cached.')).toBeTruthy();
    cleanup();
    renderCharts(scenarioWith({ mode: 'traffic', request: { kind: 'static' }, cache: { capacity: 200 }, traffic: { objects: 2000 } }), [stretch(0)]);
    expect(legend('Edge cache')).toEqual(['Hit ratio', "Theory: Che's approximation", 'Origin requests a second (right axis)']);
  }, 60_000);

  it('shows each chart as a table of the stretches, with the timeline beside them', () => {
    const { series } = storm();
    renderCharts(retryStorm, series);
    const table = openTable('Latency percentiles');
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(series.length + 1);
    expect(within(rows[0]!).getAllByRole('columnheader').map((c) => c.textContent)).toEqual(['Stretch', 'p50', 'p95', 'p99', 'On the timeline']);
    expect(within(rows[1]!).getAllByRole('cell').map((c) => c.textContent)).toEqual(['285 ms', '285 ms', '285 ms', '']);
    expect(within(rows[21]!).getAllByRole('cell').map((c) => c.textContent)).toEqual(['285 ms', '285 ms', '285 ms', 'db-slow']);
    // Nobody was answered in the 22nd second: no latency to show.
    expect(within(rows[22]!).getAllByRole('cell').map((c) => c.textContent)).toEqual(['–no figure', '–no figure', '–no figure', '']);
    expect(within(rows[41]!).getByRole('rowheader').textContent).toBe('40 s–41 s');
  }, 60_000);

  it('picks a stretch with its button, from the keyboard as from the mouse, and marks the chosen one', () => {
    const onPick = vi.fn();
    const series = [0, 1, 2, 3].map((t) => stretch(t));
    const { rerender } = renderCharts(scenarioWith({ mode: 'traffic' }), series, { onPick });
    const table = openTable('Requests and errors');
    const button = within(table).getByRole('button', { name: 'Pick 2 s–3 s' });
    // A native button: in the tab order, and Enter or Space on it is a click.
    expect(button.getAttribute('type')).toBe('button');
    button.focus();
    expect(document.activeElement).toBe(button);
    fireEvent.click(button);
    expect(onPick).toHaveBeenCalledWith(2);
    expect(table.querySelector('[aria-current="true"]')).toBeNull();
    rerender(<TrafficCharts series={series} bucketS={1} durationS={60} scenario={scenarioWith({ mode: 'traffic' })} onPick={onPick} selectedIndex={2} />);
    const chosen = within(table).getAllByRole('row').filter((r) => r.getAttribute('aria-current') === 'true');
    expect(chosen.map((r) => within(r).getByRole('rowheader').textContent)).toEqual(['Pick 2 s–3 s']);
  });

  it('picks the nearest stretch when the chart itself is clicked', () => {
    const onPick = vi.fn();
    const { container } = renderCharts(scenarioWith({ mode: 'traffic' }), [0, 1, 2, 3].map((t) => stretch(t)), { onPick });
    const over = container.querySelector('.u-over')!;
    fireEvent.click(over, { clientX: 0 });
    expect(onPick).toHaveBeenCalledWith(0);
  });

  it('grows with a streaming run without building its canvases again', () => {
    const scenario = scenarioWith({ mode: 'traffic' });
    const { rerender } = renderCharts(scenario, [stretch(0), stretch(1)]);
    const built = canvasContexts.count;
    expect(built).toBeGreaterThan(0);
    rerender(<TrafficCharts series={[stretch(0), stretch(1), stretch(2), stretch(3)]} bucketS={1} durationS={60} scenario={scenario} />);
    expect(canvasContexts.count).toBe(built);
    expect(within(openTable('Retries')).getAllByRole('row')).toHaveLength(5);
  });

  it('draws a run before its first stretch, and stretches with no answers, without failing', () => {
    const scenario = scenarioWith({ mode: 'traffic' });
    const { rerender } = renderCharts(scenario, []);
    expect(screen.getAllByRole('img')).toHaveLength(5);
    const silent = [stretch(0, { rps: 0, p50: 0, p95: 0, p99: 0, hitRatio: null })];
    rerender(<TrafficCharts series={silent} bucketS={1} durationS={60} scenario={scenario} />);
    expect(within(openTable('Latency percentiles')).getAllByRole('row')).toHaveLength(2);
  });

  it('draws again in dark colours when the page turns dark', async () => {
    renderCharts(scenarioWith({ mode: 'traffic' }), [stretch(0)]);
    const swatch = () => within(screen.getByRole('list', { name: 'Lines of Requests and errors' })).getAllByRole('listitem')[0]!.querySelector('line')!.getAttribute('stroke');
    expect(swatch()).toBe('#1d4ed8');
    const built = canvasContexts.count;
    // The class is watched by a MutationObserver, whose records arrive after the change.
    await act(async () => document.documentElement.classList.add('dark'));
    expect(swatch()).toBe('#93c5fd');
    expect(canvasContexts.count).toBeGreaterThan(built);
  });

  it('announces the run in one sentence once it has ended, and not before', () => {
    const result = storm();
    const { rerender } = renderCharts(retryStorm, result.series);
    const status = screen.getByRole('status', { name: 'The run in one sentence' });
    expect(status.textContent).toBe('');
    rerender(<TrafficCharts series={result.series} bucketS={result.bucketS} durationS={90} scenario={retryStorm} summary={result.summary} />);
    expect(status.textContent).toBe(describeRun({ ...result, scenario: retryStorm }));
    expect(status.textContent).toBe('p99 rose from 285 ms to 20.9 s at t = 21 s, when the database slowed, and came back by t = 54 s; errors peaked at 100.0% at t = 40 s.');
    expect(screen.getByRole('table', { name: 'Little’s law, L = λW, at each station over the summary’s window' })).toBeTruthy();
  }, 60_000);
});
