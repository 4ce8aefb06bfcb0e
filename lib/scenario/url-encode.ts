/**
 * Writing the share link: readable flat parameters, defaults left out, versioned (decoding is in url-codec.ts).
 *
 * Kept apart from the decoder so that a page writing links as the learner works (the sandbox) does not load the
 * decoder's schema validation until a link is opened.
 */
import { DEFAULT_SCENARIO } from './defaults';
import { readParam } from './link-fields';
import { FIELD_ENTRIES } from './paths';
import { presetById, scenarioForPreset } from './presets';
import type { Scenario } from './schema';
import { SCENARIO_VERSION } from './vocabulary';

export interface Notice {
  /** The parameter the notice is about. */
  param: string;
  message: string;
}

export interface ViewState {
  /** Playback position in simulated ms. */
  t: number | null;
  /** A node id, a link id (`link:app-db`) or an event (`e12`). */
  sel: string | null;
  /**
   * One request of a traffic run, drilled into from its charts (`t1234`): the single-request views play it, and
   * `t` and `sel` are about it. Only a link with `mode=traffic` has one.
   */
  req?: string | null;
}

export interface DecodedLink {
  scenario: Scenario;
  preset: string | null;
  view: ViewState;
  notices: Notice[];
}

/** What a link's settings are differences from: its preset's scenario, or the default one. */
export function baseFor(preset: string | null): Scenario {
  return (preset && scenarioForPreset(preset)) || DEFAULT_SCENARIO;
}

/** The query string for a scenario and view, defaults left out. Parameter order is fixed, so equal scenarios give equal links. */
export function encodeLink(scenario: Scenario, view: ViewState = { t: null, sel: null }, preset: string | null = null): string {
  const params = new URLSearchParams();
  const validPreset = preset && presetById(preset) ? preset : null;
  if (validPreset) params.set('preset', validPreset);
  const base = baseFor(validPreset);
  for (const entry of FIELD_ENTRIES) {
    const value = readParam(entry, scenario);
    if (value !== readParam(entry, base)) params.set(entry.param, value);
  }
  if (view.t !== null && view.t > 0) params.set('t', String(Math.round(view.t * 1000) / 1000));
  if (view.sel) params.set('sel', view.sel);
  if (view.req && scenario.mode === 'traffic') params.set('req', view.req);
  if ([...params.keys()].length > 0) params.set('v', String(SCENARIO_VERSION));
  return params.toString();
}
