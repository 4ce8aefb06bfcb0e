import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { runScenario } from '@/lib/sim';
import { decodeLink } from '@/lib/scenario/url-codec';
import { formatMs } from '@/components/ui/format';
import { formatFigure } from '@/lib/content/format-figure';
import { Outcome } from './Outcome';

describe('<Outcome>', () => {
  it('renders the engine’s figure as plain text', () => {
    const { outcome } = runScenario(decodeLink('db=slow').scenario);
    expect(renderToStaticMarkup(<Outcome link="db=slow" of="latencyMs" />)).toBe(formatMs(outcome.latencyMs));
    expect(renderToStaticMarkup(<Outcome link="db=slow" of="status" />)).toBe(String(outcome.status));
  });

  it('stops the build on a figure that does not resolve', () => {
    expect(() => renderToStaticMarkup(<Outcome link="preset=api-get" of="event:timeout.t" />)).toThrow('<Outcome link="preset=api-get" of="event:timeout.t">: no “timeout” event occurs in this run');
  });
});

describe('formatFigure', () => {
  const ms = (value: number) => ({ value, unit: 'ms' as const });
  it('writes times, counts and words the way the prose does', () => {
    expect(formatFigure(ms(356), 'duration')).toBe('356 ms');
    expect(formatFigure(ms(6249), 'duration')).toBe(formatMs(6249));
    expect(formatFigure(ms(30092), 'ms')).toBe('30,092 ms');
    expect(formatFigure(ms(6249), 's')).toBe('6.2 s');
    expect(formatFigure(ms(10017.5), 's')).toBe('10 s');
    expect(formatFigure({ value: 1454, unit: 'number' }, 'count')).toBe('1,454');
    expect(formatFigure({ value: 9, unit: 'number' }, 'word')).toBe('nine');
    expect(formatFigure({ value: 27, unit: 'number' }, 'word')).toBe('27');
    expect(formatFigure({ value: '58', unit: 'text' }, 'count')).toBe('58');
    expect(formatFigure({ value: 888.1469, unit: 'number' }, 'whole')).toBe('888');
    expect(formatFigure({ value: 43.2333, unit: 'number' }, 'decimal')).toBe('43.2');
    expect(formatFigure({ value: 0.1319, unit: 'share' }, 'percent')).toBe('13.2%');
    expect(formatFigure({ value: 0.0015, unit: 'share' }, 'percent')).toBe('0.2%');
    expect(formatFigure({ value: 2.9538, unit: 'number' }, 'times')).toBe('3×');
    expect(formatFigure({ value: 9.72, unit: 'number' }, 'times')).toBe('9.7×');
  });
});
