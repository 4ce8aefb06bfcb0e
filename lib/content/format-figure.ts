import type { Figure, FigureFormat } from './figures';
import { formatMs } from '@/lib/format-ms';

// A fixed locale: the static HTML must not depend on the machine that built it.
const number = new Intl.NumberFormat('en-US', { maximumFractionDigits: 3 });
const percent = new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 1 });
const oneDecimal = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });
const WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];

/** An engine figure as lesson prose writes it; `resolveFigure` has already checked the format fits. */
export function formatFigure({ value }: Figure, format: FigureFormat): string {
  if (format === 'text') return String(value);
  const n = Number(value);
  switch (format) {
    case 'duration':
      return formatMs(n);
    case 'ms':
      return `${number.format(Math.round(n))} ms`;
    case 's':
      return `${number.format(Math.round(n / 100) / 10)} s`;
    case 'word':
      return Number.isInteger(n) && n >= 0 && n < WORDS.length ? WORDS[n]! : number.format(n);
    case 'count':
      return number.format(n);
    case 'whole':
      return number.format(Math.round(n));
    case 'decimal':
      return oneDecimal.format(n);
    case 'percent':
      return percent.format(n);
    case 'times':
      return `${oneDecimal.format(n)}×`;
  }
}
