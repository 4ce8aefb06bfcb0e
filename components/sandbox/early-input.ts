/**
 * The sandbox's controls before its scripts run. The page paints first and loads its scripts after
 * (scripts/after-first-paint.ts): on a slow phone that is seconds in which every control is plain HTML. A button
 * does nothing yet, and a choice made in a menu shows, but React renders its own state over it as it hydrates. So an
 * inline script records what the learner does in that window, and once React has hydrated the sandbox the same
 * steps are replayed on the live controls, in order, one per task so each sees the page the one before left.
 * Links are left alone: they work as HTML. Dormant panels keep their static HTML after hydration and carry their
 * own changes (components/ui/Dormant); a button pressed in one is pressed again here, which wakes it.
 */
import { applyControlState, type ControlState } from '@/components/ui/control-state';

export type EarlyStep = { target: Element } & ({ kind: 'press' } | ({ kind: 'set' } & ControlState));

declare global {
  interface Window {
    __roundtripEarlyInput?: EarlyStep[];
  }
}

/** Kept in ES5: it runs while the HTML is parsed, before any bundle. It records until the replay takes the list. */
export const EARLY_INPUT_SCRIPT = `(function(){var q=window.__roundtripEarlyInput=[];function rec(s){if(window.__roundtripEarlyInput===q)q.push(s)}document.addEventListener('click',function(e){var b=e.target&&e.target.closest&&e.target.closest('button');if(b)rec({kind:'press',target:b})},true);function edit(e){var t=e.target;if(!t||!/^(INPUT|SELECT|TEXTAREA)$/.test(t.tagName))return;rec(t.type==='checkbox'||t.type==='radio'?{kind:'set',target:t,checked:t.checked}:{kind:'set',target:t,value:t.value})}document.addEventListener('input',edit,true);document.addEventListener('change',edit,true)})()`;

/**
 * Called once the sandbox has hydrated: stops the recording (the live controls answer from now on, and a press
 * recorded after this would be done twice) and hands over what was recorded.
 */
export function takeEarlyInput(): EarlyStep[] {
  const steps = window.__roundtripEarlyInput ?? [];
  window.__roundtripEarlyInput = undefined;
  return steps;
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
      else applyControlState(step.target, step);
    }
    if (steps.length) setTimeout(next, 0);
  };
  next();
}
