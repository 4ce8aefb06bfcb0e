/**
 * The sandbox's controls before its scripts run. The page paints first and loads its scripts after
 * (scripts/after-first-paint.ts): on a slow phone that is seconds in which every control is plain HTML. A button
 * does nothing yet, and a choice made in a menu shows, but React renders its own state over it as it hydrates. So an
 * inline script records what the learner does in that window, and once React has hydrated the sandbox the same
 * steps are replayed on the live controls, in order, one per task so each sees the page the one before left.
 * Links are left alone: they work as HTML. Dormant panels keep their static HTML after hydration and carry their
 * own changes (components/ui/Dormant); a button pressed in one is pressed again here, which wakes it. A tap on the
 * diagram's drawing selects what it tapped once live. The player's keyboard shortcuts (Space, arrows, Home, End)
 * are recorded and pressed again too.
 */
import { applyControlState, type ControlState } from '@/components/ui/control-state';
import { SHORTCUT_KEYS } from '@/components/timeline/shortcut-keys';

export type EarlyStep = { target: Element; event: Event } & ({ kind: 'press' } | { kind: 'key'; key: string } | ({ kind: 'set' } & ControlState));

declare global {
  interface Window {
    __roundtripEarlyInput?: EarlyStep[];
  }
}

/**
 * What a press is recorded on: a button, or a service or link label of the diagram's drawing, which selects it
 * (components/diagram/StaticDiagram), the tap a phone's learner most often makes first.
 */
const PRESSABLE = 'button, svg[data-layout] [data-node], svg[data-layout] [data-link]';

/** Kept in ES5: it runs while the HTML is parsed, before any bundle. It records until the replay takes the list. */
export const EARLY_INPUT_SCRIPT = `(function(){var PRESSABLE=${JSON.stringify(PRESSABLE)};var q=window.__roundtripEarlyInput=[];function rec(e,s){s.event=e;if(window.__roundtripEarlyInput===q)q.push(s)}document.addEventListener('click',function(e){var b=e.target&&e.target.closest&&e.target.closest(PRESSABLE);if(b)rec(e,{kind:'press',target:b})},true);function edit(e){var t=e.target;if(!t||!/^(INPUT|SELECT|TEXTAREA)$/.test(t.tagName))return;rec(e,t.type==='checkbox'||t.type==='radio'?{kind:'set',target:t,checked:t.checked}:{kind:'set',target:t,value:t.value})}document.addEventListener('input',edit,true);document.addEventListener('change',edit,true);var keys=${JSON.stringify(SHORTCUT_KEYS)};document.addEventListener('keydown',function(e){if(!e.altKey&&!e.ctrlKey&&!e.metaKey&&keys.indexOf(e.key)>=0&&e.target)rec(e,{kind:'key',target:e.target,key:e.key})},true)})()`;

/**
 * Called once the sandbox has hydrated: stops the recording (the live controls answer from now on, and a press
 * recorded after this would be done twice) and hands over what was recorded.
 */
export function takeEarlyInput(): EarlyStep[] {
  const steps = window.__roundtripEarlyInput ?? [];
  window.__roundtripEarlyInput = undefined;
  // An event still on its way when the list is taken is the one that made React hydrate: React listens on its root
  // from the start, hydrates at once when a discrete event (a click, a key, an input) arrives before it has, then
  // hands that event to the live tree. The recorder, registered first, heard it too; replayed, it would count twice.
  // (React DOM's dispatchEvent, attemptSynchronousHydration; DOM Standard §2.9: eventPhase is NONE after dispatch.)
  return steps.filter((step) => step.event.eventPhase === Event.NONE);
}

/**
 * The recorded steps again, on the same elements, now live. The sandbox calls it once the link it was opened with
 * is applied: the learner's early choices then change the shared conditions, as they would have had the page been
 * live, instead of coming first and setting the link aside (components/sandbox/UrlSync).
 */
export function replayEarlyInput(steps: EarlyStep[]): void {
  if (!steps.length) return;
  const next = () => {
    const step = steps.shift();
    if (!step) return;
    if (step.target.isConnected) {
      if (step.kind === 'press') (step.target as HTMLElement).click();
      // The player's shortcuts listen on the document; the key goes where it was pressed, so what had focus can
      // still claim it (a select's arrows changed the select, and that change is replayed as a 'set').
      else if (step.kind === 'key') step.target.dispatchEvent(new KeyboardEvent('keydown', { key: step.key, bubbles: true, cancelable: true }));
      else applyControlState(step.target, step);
    }
    if (steps.length) setTimeout(next, 0);
  };
  next();
}
