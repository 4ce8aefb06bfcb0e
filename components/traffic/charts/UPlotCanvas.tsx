'use client';

/**
 * One uPlot chart on a canvas. It is built once for a set of lines and a theme; as a run streams in, only its
 * data is replaced (setData), and a new width only resizes it. The chosen stretch, the timeline's actions and the
 * breakers' band are drawn in uPlot's hooks from the latest props, so choosing a stretch is a redraw, not a rebuild.
 *
 * The canvas is a picture for the eye and the pointer: a click picks the nearest stretch. Keyboard and screen
 * reader users get the same through the chart's data table, whose rows pick the same stretches. uPlot animates
 * nothing, so reduced motion needs nothing more.
 */
import { useEffect, useLayoutEffect, useRef } from 'react';
import uPlot from 'uplot';
import { formatSecondsAt } from '@/lib/traffic/figures';
import { formatValue, shapeKey, type AxisSpec, type ChartSpec } from './chart-specs';
import { frameOf, THEORY_DASH, toneOf } from './palette';
import './uplot.css';

export interface Marker {
  atS: number;
  label: string;
}

export interface UPlotCanvasProps {
  spec: ChartSpec;
  /** Each stretch's start, in seconds. */
  xs: readonly number[];
  bucketS: number;
  durationS: number;
  markers: readonly Marker[];
  selectedIndex: number | null;
  onPick?: (index: number) => void;
  width: number;
  height: number;
  dark: boolean;
}

const FONT = '12px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
const MARKER_FONT = '11px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

function axisRange({ kind, range }: AxisSpec): uPlot.Scale['range'] {
  if (range) return [...range];
  if (kind === 'share') return (_u, _min, max) => [0, max > 0.5 ? 1 : Math.max(0.05, max * 1.1)];
  return (_u, _min, max) => [0, max > 0 ? max * 1.1 : 1];
}

/** A tick's label: as short as the axis needs, whole percentages, and powers of ten of milliseconds as "1 s". */
function tickLabel(kind: AxisSpec['kind'], v: number): string {
  if (kind === 'share') return `${Math.round(v * 100)}%`;
  if (kind === 'latency') return v < 1000 ? `${v} ms` : `${v / 1000} s`;
  return formatValue(kind, v);
}

/** 1, 10, 100, … from the decade at or below `min` to the one at or above `max`. */
function powersOfTen(min: number, max: number): number[] {
  const powers: number[] = [];
  for (let e = Math.floor(Math.log10(Math.max(min, 1e-3))); e <= Math.ceil(Math.log10(Math.max(max, 1e-3))); e++) powers.push(10 ** e);
  return powers;
}

function axisFor(spec: AxisSpec, side: 0 | 1, scale: string, dark: boolean): uPlot.Axis {
  const text = frameOf('text', dark);
  const grid = frameOf('grid', dark);
  return {
    scale,
    side: side === 0 ? 3 : 1,
    label: spec.label,
    labelFont: FONT,
    font: FONT,
    stroke: text,
    grid: { show: side === 0, stroke: grid, width: 1 },
    ticks: { stroke: grid, width: 1 },
    size: 52,
    labelSize: 18,
    values: (_u, splits) => splits.map((v) => tickLabel(spec.kind, v)),
    // On a log scale, ticks, grid and labels at the powers of ten only: 1, 2, …, 9 of each decade crowd the axis.
    ...(spec.kind === 'latency' ? { splits: (_u: uPlot, _axis: number, min: number, max: number) => powersOfTen(min, max) } : {}),
  };
}

function optionsFor(props: UPlotCanvasProps, live: { current: UPlotCanvasProps }): uPlot.Options {
  const { spec, width, height, dark } = props;
  const scales: uPlot.Scales = {
    x: { time: false, range: (_u, _min, max) => [0, Math.max(live.current.durationS, (max ?? 0) + live.current.bucketS)] },
    y: spec.left.kind === 'latency' ? { distr: 3, log: 10 } : { range: axisRange(spec.left) },
  };
  if (spec.right) scales.y2 = { range: axisRange(spec.right) };
  const text = frameOf('text', dark);
  const grid = frameOf('grid', dark);
  return {
    width,
    height,
    scales,
    legend: { show: false },
    // No zooming by drag; and a click that moved a pixel since the press still picks (uPlot swallows it by default).
    cursor: { y: false, drag: { x: false, y: false, setScale: false, click: () => {} }, points: { size: 7 } },
    axes: [
      { stroke: text, font: FONT, labelFont: FONT, label: 'Time into the run', grid: { stroke: grid, width: 1 }, ticks: { stroke: grid, width: 1 }, values: (_u, splits) => splits.map((v) => formatSecondsAt(v)) },
      axisFor(spec.left, 0, 'y', dark),
      ...(spec.right ? [axisFor(spec.right, 1, 'y2', dark)] : []),
    ],
    series: [
      {},
      ...spec.lines.map(
        (line): uPlot.Series => ({
          label: line.label,
          scale: line.axis === 'right' ? 'y2' : 'y',
          stroke: toneOf(line.tone, dark),
          width: line.theory ? 2 : 1.75,
          dash: line.theory ? [...THEORY_DASH] : undefined,
          spanGaps: false,
          points: { show: false },
          ...(line.stepped ? { paths: uPlot.paths.stepped!({ align: 1 }) } : {}),
        }),
      ),
    ],
    hooks: { drawClear: [(u) => drawBehind(u, live.current)], draw: [(u) => drawMarkers(u, live.current)] },
  };
}

/** The stretch [t, t + bucketS) in canvas pixels. */
function stretchPixels(u: uPlot, t: number, bucketS: number): [number, number] {
  const x0 = u.valToPos(t, 'x', true);
  return [x0, Math.max(u.valToPos(t + bucketS, 'x', true) - x0, 2 * uPlot.pxRatio)];
}

/** Behind the lines: the breakers' band, and the chosen stretch. */
function drawBehind(u: uPlot, { spec, xs, bucketS, selectedIndex, dark }: UPlotCanvasProps) {
  const { ctx, bbox } = u;
  ctx.save();
  if (spec.band) {
    ctx.fillStyle = frameOf('band', dark);
    spec.band.forEach((on, i) => {
      if (!on || xs[i] === undefined) return;
      const [x, w] = stretchPixels(u, xs[i]!, bucketS);
      ctx.fillRect(x, bbox.top, w, bbox.height);
    });
  }
  if (selectedIndex !== null && xs[selectedIndex] !== undefined) {
    const [x, w] = stretchPixels(u, xs[selectedIndex]!, bucketS);
    ctx.fillStyle = frameOf('chosen', dark);
    ctx.fillRect(x, bbox.top, w, bbox.height);
  }
  ctx.restore();
}

/** On top: each timeline action as a dashed vertical line, its name beside it, staggered when names would touch. */
function drawMarkers(u: uPlot, { markers, dark }: UPlotCanvasProps) {
  const { ctx, bbox } = u;
  const px = uPlot.pxRatio;
  ctx.save();
  ctx.strokeStyle = frameOf('marker', dark);
  ctx.fillStyle = frameOf('text', dark);
  ctx.lineWidth = px;
  ctx.setLineDash([3 * px, 3 * px]);
  ctx.font = MARKER_FONT.replace('11px', `${11 * px}px`);
  ctx.textBaseline = 'top';
  const rowsEnd: number[] = [];
  for (const { atS, label } of markers) {
    const x = Math.round(u.valToPos(atS, 'x', true));
    if (x < bbox.left || x > bbox.left + bbox.width) continue;
    ctx.beginPath();
    ctx.moveTo(x, bbox.top);
    ctx.lineTo(x, bbox.top + bbox.height);
    ctx.stroke();
    const w = ctx.measureText(label).width;
    // Past the right edge, the name goes on the line's left.
    const left = x + 3 * px + w > bbox.left + bbox.width ? x - 3 * px - w : x + 3 * px;
    let row = rowsEnd.findIndex((end) => end < left);
    if (row === -1) row = rowsEnd.length;
    rowsEnd[row] = left + w + 4 * px;
    ctx.fillText(label, left, bbox.top + (2 + row * 13) * px);
  }
  ctx.restore();
}

export function UPlotCanvas(props: UPlotCanvasProps) {
  const host = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const live = useRef(props);
  useLayoutEffect(() => {
    live.current = props;
  });
  const { spec, xs, width, height, dark, selectedIndex, markers } = props;
  const shape = shapeKey(spec);
  const measured = width > 0;

  // Built anew only when the set of lines or the theme changes; everything else is read from `live` when drawn.
  useEffect(() => {
    const element = host.current;
    if (!element || !measured) return;
    const current = live.current;
    const u = new uPlot(optionsFor(current, live), dataOf(current), element);
    plot.current = u;
    const pick = (event: MouseEvent) => {
      const index = u.posToIdx(event.clientX - u.over.getBoundingClientRect().left);
      if (index >= 0 && index < live.current.xs.length) live.current.onPick?.(index);
    };
    u.over.addEventListener('click', pick);
    return () => {
      u.over.removeEventListener('click', pick);
      u.destroy();
      plot.current = null;
    };
  }, [shape, dark, measured]);

  useEffect(() => {
    plot.current?.setData(dataOf(live.current));
  }, [xs, spec]);

  useEffect(() => {
    if (width > 0) plot.current?.setSize({ width, height });
  }, [width, height]);

  useEffect(() => {
    plot.current?.redraw(false, false);
  }, [selectedIndex, markers]);

  return <div ref={host} className="cursor-crosshair" />;
}

function dataOf({ spec, xs }: UPlotCanvasProps): uPlot.AlignedData {
  return [xs as number[], ...spec.lines.map((l) => l.values)];
}
