/**
 * The sandbox's store: inputs only (the scenario and the one before it, the cursor, play state, speed,
 * selection, notices).
 * Results, frames and narration are derived (derived.ts, lib/playback). One store per provider, never a
 * module global, so every embedded simulator has its own.
 *
 * Every user command is an action here; buttons, keyboard shortcuts and tests all call the same ones.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { DEFAULT_SCENARIO } from '@/lib/scenario/defaults';
import { scenarioForPreset } from '@/lib/scenario/presets';
import type { Scenario } from '@/lib/scenario/schema';
import { decodeLink, encodeLink, type Notice } from '@/lib/scenario/url-codec';
import { momentOf, nextMoment, previousMoment } from '@/lib/playback/steps';
import { carryCursor, carrySelection } from '@/lib/compare/same-step';
import { momentsFor, resultFor, timelineFor } from './derived';
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
  /** Playback position in simulated milliseconds. */
  cursor: number;
  playing: boolean;
  speed: Speed;
  /** `edge`, `link:app-db` or `e12`. */
  selection: string | null;
  notices: Notice[];
  /** `system` follows prefers-reduced-motion; the learner can override it either way. */
  motion: MotionPreference;
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
  /** Moves the cursor to the end of an event and selects it (clicking a log line). */
  jumpToEvent: (id: number) => void;
  /** Applies a share link's query string; what it cannot use becomes notices. */
  applyLink: (query: string) => void;
  dismissNotices: () => void;
  setMotion: (motion: MotionPreference) => void;
}

export type SandboxState = SandboxInputs & SandboxActions;
export type SandboxStore = StoreApi<SandboxState>;

export const initialInputs: SandboxInputs = {
  scenario: DEFAULT_SCENARIO,
  previous: null,
  preset: null,
  cursor: 0,
  playing: false,
  speed: 1,
  selection: null,
  notices: [],
  motion: 'system',
};

function endOf(scenario: Scenario): number {
  return timelineFor(resultFor(scenario)).totalSimMs;
}

function clampCursor(scenario: Scenario, t: number): number {
  return Math.min(Math.max(0, t), endOf(scenario));
}

export function createSandboxStore(initial: Partial<SandboxInputs> = {}): SandboxStore {
  return createStore<SandboxState>()((set, get) => ({
    ...initialInputs,
    ...initial,

    setScenario: (scenario) => {
      const { scenario: before, cursor, selection } = get();
      if (scenario === before) return;
      const [was, now] = [resultFor(before), resultFor(scenario)];
      set({
        scenario,
        previous: before,
        cursor: carryCursor(was, now, cursor, endOf(before), endOf(scenario)),
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

    play: () => {
      const { scenario, cursor } = get();
      // Pressing play at the end starts again, as every media player does.
      set({ playing: true, cursor: cursor >= endOf(scenario) ? 0 : cursor });
    },
    pause: () => set({ playing: false }),
    togglePlay: () => (get().playing ? get().pause() : get().play()),
    stepForward: () => {
      const { scenario, cursor } = get();
      const next = nextMoment(momentsFor(resultFor(scenario)), cursor);
      set({ playing: false, cursor: next ?? endOf(scenario) });
    },
    stepBack: () => {
      const { scenario, cursor } = get();
      set({ playing: false, cursor: previousMoment(momentsFor(resultFor(scenario)), cursor) });
    },
    seek: (t) => set({ cursor: clampCursor(get().scenario, t) }),
    toStart: () => set({ playing: false, cursor: 0 }),
    toEnd: () => set({ playing: false, cursor: endOf(get().scenario) }),
    replay: () => set({ cursor: 0, playing: true }),
    setSpeed: (speed) => set({ speed }),
    select: (selection) => set({ selection }),
    jumpToEvent: (id) => {
      const event = resultFor(get().scenario).events[id];
      if (event) set({ playing: false, cursor: momentOf(event), selection: `e${id}` });
    },

    applyLink: (query) => {
      const decoded = decodeLink(query);
      const notices = [...decoded.notices];
      const result = resultFor(decoded.scenario);
      let selection = decoded.view.sel;
      if (selection && !selectionExists(selection, result, decoded.scenario.db.engine)) {
        notices.push({ param: 'sel', message: `“${selection}” is not part of this scenario, so nothing is selected.` });
        selection = null;
      }
      set({
        scenario: decoded.scenario,
        previous: null,
        preset: decoded.preset,
        cursor: clampCursor(decoded.scenario, decoded.view.t ?? 0),
        selection,
        playing: false,
        notices,
      });
    },
    dismissNotices: () => set({ notices: [] }),
    setMotion: (motion) => set({ motion }),
  }));
}

/** The share link's query string for the store's current state. */
export function linkFor(state: SandboxInputs): string {
  return encodeLink(state.scenario, { t: state.cursor > 0 ? state.cursor : null, sel: state.selection }, state.preset);
}
