/**
 * The sandbox's store: inputs only (the scenario and the one before it, the cursor, the step, play state,
 * speed, selection, notices, the time scale).
 * Results, frames and narration are derived (derived.ts, lib/playback). One store per provider, never a
 * module global, so every embedded simulator has its own.
 *
 * Every user command is an action here; buttons, keyboard shortcuts and tests all call the same ones.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { DEFAULT_SCENARIO } from '@/lib/scenario/defaults';
import { scenarioForPreset } from '@/lib/scenario/presets';
import type { Scenario } from '@/lib/scenario/schema';
import { encodeLink, type DecodedLink, type Notice } from '@/lib/scenario/url-encode';
import { nextStep, previousStep, stepMoments, toTenth } from '@/lib/playback/steps';
import type { TimeScale } from '@/lib/playback/timeline';
import { carryCursor, carrySelection, sameEvent } from '@/lib/compare/same-step';
import type { SimResult } from '@/lib/sim';
import { primeReplay, replayOf, resultFor, resultOf, timelineFor } from './derived';
import { selectionExists } from './selection';

/** Playback speeds offered, slowest first. */
export const SPEEDS = [0.25, 0.5, 1, 1.5, 2, 4] as const;
export type Speed = (typeof SPEEDS)[number];

export interface SandboxInputs {
  scenario: Scenario;
  /** The scenario before the learner's last change, so what changed can be shown; null on a fresh start. */
  previous: Scenario | null;
  /** The preset the scenario started from, kept so links stay short. */
  preset: string | null;
  /**
   * In a traffic run, the request the learner drilled into from the charts (`t1234`): the cursor, step and
   * selection are then about it. Null shows the run's charts (or, in a single run, its one request).
   */
  request: string | null;
  /** Playback position in simulated milliseconds. */
  cursor: number;
  /**
   * The event the learner stepped to or picked. Several events can share the cursor's moment; this says
   * which of them the caption tells. It counts only while the cursor is at that event's moment, and every
   * other way of moving the cursor clears it (lib/playback/steps.ts).
   */
  step: number | null;
  playing: boolean;
  speed: Speed;
  /** `edge`, `link:app-db` or `e12`. */
  selection: string | null;
  notices: Notice[];
  /** `system` follows prefers-reduced-motion; the learner can override it either way. */
  motion: MotionPreference;
  /** The scrubber's and the waterfall's scale: readable display time, or true time. */
  scale: TimeScale;
}

export type MotionPreference = 'system' | 'reduce' | 'allow';

export interface SandboxActions {
  /**
   * Replaces the scenario (a cause changed). The cursor stays at the same step of the new run when that step
   * still happens (the end stays the end), else it goes back to the start; a selected event is followed likewise.
   */
  setScenario: (scenario: Scenario) => void;
  updateScenario: (recipe: (current: Scenario) => Scenario) => void;
  loadPreset: (id: string) => void;
  /** Opens one request of the traffic run from its start, or (null) goes back to the run's charts. */
  drill: (request: string | null) => void;
  play: () => void;
  pause: () => void;
  togglePlay: () => void;
  stepForward: () => void;
  stepBack: () => void;
  seek: (t: number) => void;
  toStart: () => void;
  toEnd: () => void;
  replay: () => void;
  setSpeed: (speed: Speed) => void;
  select: (selection: string | null) => void;
  /** Makes an event the caption's step and selects it (clicking a log line or a waterfall bar). */
  jumpToEvent: (id: number) => void;
  /**
   * Applies a decoded share link (lib/scenario/url-codec.ts); what it cannot use becomes notices. A link to one
   * request of a traffic run waits for that request's replay (`settleReplay`) before its cursor and selection are
   * checked against it.
   */
  applyLink: (decoded: DecodedLink) => void;
  /**
   * Takes a traffic request's replay, made off the main thread: the views play it, and the cursor and selection a
   * link gave are checked against it now. A replay for a request no longer drilled into is only kept.
   */
  settleReplay: (scenario: Scenario, request: string, result: SimResult | null) => void;
  /** Adds a notice of the page's own (a link it could not load, say), shown with the link's. */
  notify: (notice: Notice) => void;
  dismissNotices: () => void;
  setMotion: (motion: MotionPreference) => void;
  setScale: (scale: TimeScale) => void;
}

export type SandboxState = SandboxInputs & SandboxActions;
export type SandboxStore = StoreApi<SandboxState>;

export const initialInputs: SandboxInputs = {
  scenario: DEFAULT_SCENARIO,
  previous: null,
  preset: null,
  request: null,
  cursor: 0,
  step: null,
  playing: false,
  speed: 1,
  selection: null,
  notices: [],
  motion: 'system',
  scale: 'display',
};

/** What the views play: the scenario's one request, or the traffic request drilled into. */
type Played = Pick<SandboxInputs, 'scenario' | 'request'>;

function endOf(played: Played): number {
  return timelineFor(resultOf(played)).totalSimMs;
}

function clampCursor(played: Played, t: number): number {
  return Math.min(Math.max(0, t), endOf(played));
}

/** The step a link names: its selected event, when the link's cursor is that event's moment. */
function stepFromLink(played: Played, cursor: number, selection: string | null): number | null {
  const match = selection ? /^e(\d+)$/.exec(selection) : null;
  if (!match) return null;
  const id = Number(match[1]);
  const moment = stepMoments(resultOf(played).events)[id];
  return moment !== undefined && Math.abs(moment - cursor) < 1e-6 ? id : null;
}

/**
 * A link's moment checked against what it plays: the cursor kept within the run, a selection that is not in it
 * dropped, the step its selected event names. A traffic request the run never had sends the learner back to the
 * run's charts. What had to change becomes notices.
 */
function viewOf(played: Played, t: number, selection: string | null, given: Notice[]): Pick<SandboxInputs, 'request' | 'cursor' | 'step' | 'selection' | 'notices'> {
  const notices = [...given];
  const request = played.request;
  if (request !== null && played.scenario.mode === 'traffic' && replayOf(played.scenario, request) === null) {
    notices.push({ param: 'req', message: `This traffic run has no request ${request}, so its charts are shown.` });
    return { request: null, cursor: 0, step: null, selection: null, notices };
  }
  const result = resultOf(played);
  let kept = selection;
  if (kept && !selectionExists(kept, result, played.scenario.db.engine)) {
    notices.push({ param: 'sel', message: `“${kept}” is not part of this scenario, so nothing is selected.` });
    kept = null;
  }
  const cursor = clampCursor(played, t);
  return { request, cursor, step: stepFromLink(played, cursor, kept), selection: kept, notices };
}

export function createSandboxStore(initial: Partial<SandboxInputs> = {}): SandboxStore {
  return createStore<SandboxState>()((set, get) => {
    /** Shows one step: the cursor at its moment, the step remembered so the caption tells that event. */
    const showStep = (id: number | null, extra: Partial<SandboxInputs> = {}) => {
      const events = resultOf(get()).events;
      if (id === null) set({ playing: false, cursor: 0, step: null, ...extra });
      else set({ playing: false, cursor: stepMoments(events)[id]!, step: id, ...extra });
    };
    const position = () => ({ t: get().cursor, step: get().step });

    return {
      ...initialInputs,
      ...initial,

      // A change of conditions keeps the learner at the same step when that step still exists (lib/compare).
      setScenario: (scenario) => {
        const { scenario: before, cursor, selection, step, request } = get();
        if (scenario === before) return;
        // A new traffic run numbers its requests afresh: the request drilled into is not in it, so the charts come back.
        if (request !== null) {
          set({ scenario, previous: null, request: null, cursor: 0, step: null, selection: null, playing: false });
          return;
        }
        const [was, now] = [resultFor(before), resultFor(scenario)];
        const stepEvent = step === null ? undefined : was.events[step];
        const carriedStep = stepEvent ? (sameEvent(was.events, stepEvent, now.events)?.id ?? null) : null;
        set({
          scenario,
          previous: before,
          cursor: carriedStep !== null ? stepMoments(now.events)[carriedStep]! : carryCursor(was, now, cursor, endOf({ scenario: before, request }), endOf({ scenario, request })),
          step: carriedStep,
          selection: carrySelection(was, now, selection),
          playing: false,
        });
      },
      updateScenario: (recipe) => get().setScenario(recipe(get().scenario)),
      loadPreset: (id) => {
        const scenario = scenarioForPreset(id);
        if (!scenario) return;
        get().setScenario(scenario);
        set({ preset: id, selection: null });
      },
      drill: (request) => {
        if (request !== null && get().scenario.mode !== 'traffic') return;
        set({ request, previous: null, cursor: 0, step: null, selection: null, playing: false });
      },

      play: () => {
        const { cursor } = get();
        // Pressing play at the end starts again, as every media player does.
        set({ playing: true, step: null, cursor: cursor >= endOf(get()) ? 0 : cursor });
      },
      // Playback leaves the cursor between frames (34.717 ms); the link and the label read a tenth of a millisecond.
      pause: () => set(get().playing ? { playing: false, cursor: clampCursor(get(), toTenth(get().cursor)) } : { playing: false }),
      togglePlay: () => (get().playing ? get().pause() : get().play()),
      stepForward: () => {
        const events = resultOf(get()).events;
        const next = nextStep(events, position());
        // Past the last step lies the end of the run, where all work has finished.
        if (next === null) set({ playing: false, cursor: endOf(get()), step: null });
        else showStep(next);
      },
      stepBack: () => showStep(previousStep(resultOf(get()).events, position())),
      seek: (t) => set({ cursor: clampCursor(get(), t), step: null }),
      toStart: () => set({ playing: false, cursor: 0, step: null }),
      toEnd: () => set({ playing: false, cursor: endOf(get()), step: null }),
      replay: () => set({ cursor: 0, step: null, playing: true }),
      setSpeed: (speed) => set({ speed }),
      select: (selection) => set({ selection }),
      jumpToEvent: (id) => {
        if (resultOf(get()).events[id]) showStep(id, { selection: `e${id}` });
      },

      applyLink: (decoded) => {
        // The decoder keeps `req` only for a traffic run; a link built by hand is held to the same rule here.
        const request = decoded.scenario.mode === 'traffic' ? (decoded.view.req ?? null) : null;
        const inputs = { scenario: decoded.scenario, previous: null, preset: decoded.preset, request, playing: false };
        if (request !== null && replayOf(decoded.scenario, request) === undefined) {
          // The link's moment is about a request not replayed yet: it is kept as given until settleReplay checks it.
          set({ ...inputs, cursor: Math.max(0, decoded.view.t ?? 0), step: null, selection: decoded.view.sel, notices: decoded.notices });
          return;
        }
        set({ ...inputs, ...viewOf({ scenario: decoded.scenario, request }, decoded.view.t ?? 0, decoded.view.sel, decoded.notices) });
      },
      settleReplay: (scenario, request, result) => {
        primeReplay(scenario, request, result);
        const state = get();
        if (state.scenario !== scenario || state.request !== request) return;
        set(viewOf({ scenario, request }, state.cursor, state.selection, state.notices));
      },
      notify: (notice) => set({ notices: [...get().notices, notice] }),
      dismissNotices: () => set({ notices: [] }),
      setMotion: (motion) => set({ motion }),
      setScale: (scale) => set({ scale }),
    };
  });
}

/**
 * What the sandbox's stage shows: one request played event by event (a single run, or a traffic request drilled
 * into), a drilled-into request while its replay is on its way, a traffic run's charts, or the backoff study's table.
 */
export type Stage = 'request' | 'replaying' | 'traffic' | 'study';

export function stageOf(state: Pick<SandboxInputs, 'scenario' | 'request'>): Stage {
  const { mode } = state.scenario;
  if (mode === 'backoff-study') return 'study';
  if (mode !== 'traffic') return 'request';
  if (state.request === null) return 'traffic';
  // The drilled-into request shows once its replay is here (the store notifies then: settleReplay).
  return replayOf(state.scenario, state.request) === undefined ? 'replaying' : 'request';
}

/** The share link's query string for the store's current state. */
export function linkFor(state: SandboxInputs): string {
  // A tenth of a millisecond is finer than anything the engine schedules, and keeps links readable.
  const t = toTenth(state.cursor);
  return encodeLink(state.scenario, { t: t > 0 ? t : null, sel: state.selection, req: state.request }, state.preset);
}
