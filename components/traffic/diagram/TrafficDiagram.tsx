'use client';

/**
 * The diagram in traffic mode: the topology of the single-request view (its layouts, components/diagram), with the
 * engine's rates on every link, each node's load, open breakers and dropped packets, at the playhead's stretch of
 * a traffic run.
 *
 * The playhead is simulated seconds. It is controlled like an input when `at` is given (the parent keeps it and
 * hears `onSeek` when the learner moves the slider, and, while playing, each time the playhead enters a new
 * stretch), and the diagram's own state otherwise. `playing` works the same way with `onPlayingChange`. Either way
 * the diagram shows its own play button, slider and speed.
 *
 * Moving dots on one canvas picture the rates: one dot for `perDot` requests a second on its link (flows.ts). They
 * move only while playing, with the tab showing and the diagram on screen; with reduced motion there are none, and
 * each link's width shows its rate. React renders the still drawing once per stretch; a frame touches only the
 * canvas. The text alternative lists each node's figures for the stretch, read out politely when the learner seeks
 * (not while playing, when it would talk over everything).
 */
import { useCallback, useEffect, useId, useMemo, useRef, useState, type ChangeEvent } from 'react';
import { fitDiagram, layoutsFor } from '@/components/diagram/fit';
import { useElementSize } from '@/components/diagram/useElementSize';
import { PauseIcon, PlayIcon } from '@/components/ui/icons';
import { SpeedSelect } from '@/components/ui/SpeedSelect';
import { useMediaQuery } from '@/components/ui/useMediaQuery';
import { useOnScreen } from '@/components/ui/useOnScreen';
import type { Scenario } from '@/lib/scenario/schema';
import { NODE_IDS } from '@/lib/sim';
import type { SeriesPoint } from '@/lib/traffic';
import { DotField } from './dot-field';
import { capacityOf, figureSentences, momentWords, nodeFigures, num } from './figures';
import { filteredLinks } from './filtered-links';
import { breakerEdges, dotCounts, FLOW_LINKS, linkFlows, perDot as perDotOf, runEndS, stretchAt } from './flows';
import { useDarkTheme, usePageVisible } from './page-state';
import { linkPaths, paintDots } from './paint';
import { DOT_COLOURS } from './palette';
import { TrafficDrawing, type Band } from './TrafficDrawing';
import { TrafficLegend } from './TrafficLegend';

export interface TrafficDiagramProps {
  series: SeriesPoint[];
  bucketS: number;
  durationS: number;
  scenario: Scenario;
  /** The playhead in simulated seconds; give it to control the playhead from outside, leave it out to let the diagram keep it. */
  at?: number;
  /** The learner moved the slider, or the playhead entered a new stretch while playing. */
  onSeek?: (s: number) => void;
  playing?: boolean;
  onPlayingChange?: (playing: boolean) => void;
  /** Requests a second per dot; by default the smallest round number that keeps the run under about 200 dots. */
  perDot?: number;
  /** The learner's motion preference; by default the system's. */
  reducedMotion?: boolean;
}

/** A traffic run has no DNS lookups: visitors are already connected (docs/traffic.md). */
const VISIBLE = NODE_IDS.filter((id) => id !== 'dns');
/** Simulated seconds per second of playback. */
const SPEEDS = [1, 2, 5, 10, 20, 50] as const;
/** The default speed plays the run in about this long. */
const PLAY_FOR_S = 60;
/** The longest step a frame takes: after a stall, the playhead goes on rather than leaping. */
const MAX_FRAME_S = 0.1;

export function TrafficDiagram({ series, bucketS, durationS, scenario, at, onSeek, playing, onPlayingChange, perDot, reducedMotion }: TrafficDiagramProps) {
  const [ownAt, setOwnAt] = useState(0);
  const [ownPlaying, setOwnPlaying] = useState(false);
  const time = at ?? ownAt;
  const isPlaying = playing ?? ownPlaying;
  const endS = runEndS(series, bucketS, durationS);
  const [speed, setSpeed] = useState<(typeof SPEEDS)[number]>(() => SPEEDS.find((s) => endS / s <= PLAY_FOR_S) ?? SPEEDS[SPEEDS.length - 1]!);
  const systemReduced = useMediaQuery('(prefers-reduced-motion: reduce)');
  const reduced = reducedMotion ?? systemReduced;
  const theme = useDarkTheme() ? 'dark' : 'light';

  const [paneRef, size] = useElementSize<HTMLDivElement>();
  const figureRef = useRef<HTMLElement>(null);
  const onScreen = useOnScreen(figureRef);
  const pageVisible = usePageVisible();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const listId = useId();

  const layouts = useMemo(() => layoutsFor(VISIBLE, scenario.db.engine), [scenario.db.engine]);
  const fit = size.width > 0 ? fitDiagram(layouts, size.width, 'full') : null;
  const layout = fit?.layout ?? null;
  const zoom = fit?.zoom ?? 1;

  const scale = useMemo(() => perDot ?? perDotOf(series), [perDot, series]);
  const stretch = Math.max(0, stretchAt(series, time));
  const point = series[stretch];
  const flows = useMemo(() => (point ? linkFlows(point) : []), [point]);
  const maxPerS = useMemo(() => Math.max(0, ...series.flatMap((p) => linkFlows(p).map((f) => f.perS))), [series]);
  const capacity = useMemo(() => capacityOf(scenario), [scenario]);
  const figures = useMemo(() => (point ? nodeFigures(point, capacity) : []), [point, capacity]);
  const sentences = useMemo(() => (point ? figureSentences(point, capacity) : []), [point, capacity]);
  const breakers = useMemo(() => breakerEdges(scenario), [scenario]);
  const filtered = useMemo(() => filteredLinks(scenario), [scenario]);
  const bands = useMemo<Band[]>(() => {
    if (!point) return [];
    const open = point.breakersOpen > 0 ? breakers.links.map((linkId) => ({ linkId, lines: ['breaker', `open ${point.breakersOpen}/${breakers.total}`] as [string, string], tone: 'breaker' as const })) : [];
    const denied = point.deniedPerS > 0 ? (filtered.length ? filtered : ['web-app']).map((linkId) => ({ linkId, lines: ['dropped', `${num(point.deniedPerS)}/s`] as [string, string], tone: 'denied' as const })) : [];
    return [...open, ...denied];
  }, [point, breakers, filtered]);

  // ── The animation: a field of dots and a clock that runs only while playing ──────────────────────────────
  const fieldRef = useRef<DotField | null>(null);
  const clockRef = useRef(0);
  const timeRef = useRef(time);
  const shownStretchRef = useRef(-1);
  const seededRef = useRef(false);
  const paths = useMemo(() => (layout ? linkPaths(layout, FLOW_LINKS, zoom) : []), [layout, zoom]);

  /** What a frame needs that props and state decide, read through a ref so the loop is not restarted for them. */
  const latest = useRef({ series, scale, speed, endS, reduced, paths, colours: DOT_COLOURS[theme], controlled: at !== undefined, onSeek, onPlayingChange, controlledPlaying: playing !== undefined });
  useEffect(() => {
    latest.current = { series, scale, speed, endS, reduced, paths, colours: DOT_COLOURS[theme], controlled: at !== undefined, onSeek, onPlayingChange, controlledPlaying: playing !== undefined };
  });

  const setFlowsAt = useCallback((index: number) => {
    const field = fieldRef.current;
    const p = latest.current.series[index];
    if (!field || !p) return;
    const flowsNow = linkFlows(p);
    const counts = dotCounts(flowsNow, latest.current.scale);
    field.setFlows(flowsNow.map((f) => ({ linkId: f.linkId, count: counts.get(f.linkId) ?? 0, shares: f.shares })));
  }, []);

  const paint = useCallback(() => {
    const canvas = canvasRef.current;
    const field = fieldRef.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !field || !ctx) return;
    if (latest.current.reduced) {
      ctx.clearRect(0, 0, canvas.width, canvas.height);
      return;
    }
    paintDots(ctx, field, clockRef.current, latest.current.paths, latest.current.colours, window.devicePixelRatio || 1);
  }, []);

  // A new layout or zoom: a new field (link lengths changed) and a canvas of the drawing's size.
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!layout || !canvas) return;
    const dpr = window.devicePixelRatio || 1;
    canvas.width = Math.round(layout.bounds.width * zoom * dpr);
    canvas.height = Math.round(layout.bounds.height * zoom * dpr);
    fieldRef.current = new DotField(
      FLOW_LINKS.map((f) => {
        const placed = layout.links.find((l) => l.link.id === f.linkId);
        const length = placed ? Math.hypot(placed.segment.to.x - placed.segment.from.x, placed.segment.to.y - placed.segment.from.y) : 1;
        return { id: f.linkId, length };
      }),
    );
    shownStretchRef.current = -1;
    seededRef.current = false;
  }, [layout, zoom]);

  // The playhead moved from outside (the slider, a parent's seek), or the field is new: the stretch's dots, at rest.
  useEffect(() => {
    if (Math.max(0, stretchAt(series, timeRef.current)) !== stretch) timeRef.current = time;
    if (shownStretchRef.current === stretch && isPlaying) return;
    shownStretchRef.current = stretch;
    setFlowsAt(stretch);
    // At rest, or a new field while playing: the dots as if the stretch's rates had held for a while.
    if (!isPlaying || !seededRef.current) fieldRef.current?.reseed(clockRef.current);
    seededRef.current = fieldRef.current !== null;
    paint();
  }, [stretch, time, series, scale, isPlaying, reduced, theme, layout, zoom, setFlowsAt, paint]);

  const report = useCallback((s: number) => {
    if (!latest.current.controlled) setOwnAt(s);
    latest.current.onSeek?.(s);
  }, []);

  const changePlaying = useCallback((p: boolean) => {
    if (!latest.current.controlledPlaying) setOwnPlaying(p);
    latest.current.onPlayingChange?.(p);
  }, []);

  const active = isPlaying && onScreen && pageVisible;
  useEffect(() => {
    if (!active) return;
    let frame = 0;
    let last: number | null = null;
    const tick = (now: number) => {
      const dt = last === null ? 0 : Math.min(MAX_FRAME_S, (now - last) / 1000);
      last = now;
      const l = latest.current;
      const t = Math.min(l.endS, timeRef.current + dt * l.speed);
      timeRef.current = t;
      const index = Math.max(0, stretchAt(l.series, t));
      if (index !== shownStretchRef.current) {
        shownStretchRef.current = index;
        setFlowsAt(index);
        report(t);
        // For the frame-time bench (scripts/bench-diagram.mjs): how many dots were in flight as the stretch ended.
        if (canvasRef.current && fieldRef.current) canvasRef.current.dataset.dots = String(l.reduced ? 0 : fieldRef.current.inFlight);
      }
      if (!l.reduced) {
        clockRef.current += dt;
        fieldRef.current?.advance(clockRef.current, dt);
        paint();
      }
      if (t >= l.endS) {
        report(t);
        changePlaying(false);
        return;
      }
      frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(frame);
  }, [active, setFlowsAt, paint, report, changePlaying]);

  const togglePlay = () => {
    if (!isPlaying && timeRef.current >= endS) {
      timeRef.current = 0;
      report(0);
    }
    changePlaying(!isPlaying);
  };

  const seek = (event: ChangeEvent<HTMLInputElement>) => {
    const s = Number(event.target.value);
    timeRef.current = s;
    report(s);
  };

  const drawnWidth = layout ? layout.bounds.width * zoom : 0;
  const drawnHeight = layout ? layout.bounds.height * zoom : 0;
  const moment = point ? momentWords(point, bucketS, endS) : 'No stretch of the run yet';

  return (
    <figure ref={figureRef} className="m-0 flex flex-col gap-2" aria-label="Traffic through the system" aria-describedby={listId}>
      <div ref={paneRef} className="overflow-x-auto rounded-xl border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
        {layout ? (
          <div className="relative mx-auto" style={{ width: drawnWidth, height: drawnHeight }}>
            <TrafficDrawing layout={layout} flows={flows} figures={figures} bands={bands} widths={reduced} maxPerS={maxPerS} zoom={zoom} />
            <canvas ref={canvasRef} aria-hidden="true" className="pointer-events-none absolute inset-0" style={{ width: drawnWidth, height: drawnHeight, display: reduced ? 'none' : undefined }} />
          </div>
        ) : (
          <div style={{ height: 320 }} />
        )}
      </div>
      <div role="group" aria-label="Traffic playback" className="flex flex-wrap items-center gap-x-3 gap-y-2 text-sm">
        <button
          type="button"
          onClick={togglePlay}
          className="inline-flex h-11 min-w-11 items-center justify-center gap-1.5 rounded-md border border-slate-300 bg-white px-3 font-medium text-slate-900 hover:bg-slate-100 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100 dark:hover:bg-slate-800"
        >
          {isPlaying ? <PauseIcon /> : <PlayIcon />}
          {isPlaying ? 'Pause' : 'Play'}
        </button>
        <label className="flex min-w-48 flex-1 items-center gap-2">
          <span className="shrink-0 text-slate-700 dark:text-slate-300">Time</span>
          <input
            type="range"
            min={0}
            max={endS}
            step={bucketS}
            value={Math.min(time, endS)}
            onChange={seek}
            aria-valuetext={`${num(time)} s of ${num(endS)} s`}
            className="h-11 w-full accent-blue-700 dark:accent-blue-400"
          />
        </label>
        <output className="w-24 shrink-0 font-mono tabular-nums text-slate-800 dark:text-slate-200" aria-hidden="true">
          {num(Math.floor(time))} / {num(endS)} s
        </output>
        <SpeedSelect speeds={SPEEDS} value={speed} onChange={setSpeed} className="h-11" />
      </div>
      <figcaption>
        <TrafficLegend perDot={scale} reduced={reduced} theme={theme} />
      </figcaption>
      <div id={listId} className="sr-only" aria-live={isPlaying ? 'off' : 'polite'}>
        <p>{moment}:</p>
        <ul>
          {sentences.map((s) => (
            <li key={s}>{s}</li>
          ))}
        </ul>
      </div>
    </figure>
  );
}

export default TrafficDiagram;
