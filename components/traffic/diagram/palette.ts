/**
 * The traffic diagram's colours and shapes, in one place for the canvas, the SVG and the legend. Every kind of dot
 * has a shape of its own as well as a colour, and every load a number beside its meter: colour never carries
 * meaning alone. Each colour keeps 3:1 or more against the pane in its theme (WCAG 2.2, 1.4.11 Non-text Contrast):
 * the pane is white in light mode and slate-900 in dark mode.
 */
import type { DotKind } from './flows';
import type { Load } from './figures';

export type Theme = 'light' | 'dark';

/** Tailwind's 700s on white (5:1 or more), its 300s and 400s on slate-900 (6:1 or more). */
export const DOT_COLOURS: Record<Theme, Record<DotKind, string>> = {
  light: { request: '#1d4ed8', error: '#b45309', bot: '#a21caf', stopped: '#b91c1c' },
  dark: { request: '#60a5fa', error: '#fbbf24', bot: '#f0abfc', stopped: '#f87171' },
};

export const DOT_WORDS: Record<DotKind, { shape: string; meaning: string }> = {
  request: { shape: 'circle', meaning: 'a request' },
  error: { shape: 'diamond', meaning: 'answered with a server error' },
  bot: { shape: 'square', meaning: 'a bot’s request (a flood)' },
  stopped: { shape: 'cross', meaning: 'stopped by the WAF at the edge' },
};

/** The dot's radius in CSS pixels, whatever the zoom, so dots stay visible on a phone. */
export const DOT_RADIUS = 3.5;

/** A meter's fill, by load: the SVG's classes, light and dark. */
export const LOAD_FILL: Record<Load, string> = {
  calm: 'fill-emerald-600 dark:fill-emerald-400',
  busy: 'fill-amber-600 dark:fill-amber-400',
  full: 'fill-red-700 dark:fill-red-400',
};

/**
 * One dot's outline, at (x, y) with radius r, added to the current path: the canvas fills (or, for a cross,
 * strokes) every dot of a kind in one call.
 */
export function traceDot(path: CanvasPath, kind: DotKind, x: number, y: number, r: number): void {
  switch (kind) {
    case 'request':
      path.moveTo(x + r, y);
      path.arc(x, y, r, 0, 2 * Math.PI);
      return;
    case 'error': {
      const d = r * 1.4;
      path.moveTo(x, y - d);
      path.lineTo(x + d, y);
      path.lineTo(x, y + d);
      path.lineTo(x - d, y);
      path.closePath();
      return;
    }
    case 'bot':
      path.rect(x - r, y - r, 2 * r, 2 * r);
      return;
    case 'stopped': {
      const d = r * 1.1;
      path.moveTo(x - d, y - d);
      path.lineTo(x + d, y + d);
      path.moveTo(x + d, y - d);
      path.lineTo(x - d, y + d);
      return;
    }
  }
}

/** The same shapes as SVG path data, for the legend and the reduced-motion drawing. */
export function dotPathData(kind: DotKind, x: number, y: number, r: number): string {
  switch (kind) {
    case 'request':
      return `M${x - r} ${y}a${r} ${r} 0 1 0 ${2 * r} 0a${r} ${r} 0 1 0 ${-2 * r} 0Z`;
    case 'error': {
      const d = r * 1.4;
      return `M${x} ${y - d}L${x + d} ${y}L${x} ${y + d}L${x - d} ${y}Z`;
    }
    case 'bot':
      return `M${x - r} ${y - r}h${2 * r}v${2 * r}h${-2 * r}Z`;
    case 'stopped': {
      const d = r * 1.1;
      return `M${x - d} ${y - d}L${x + d} ${y + d}M${x + d} ${y - d}L${x - d} ${y + d}`;
    }
  }
}
