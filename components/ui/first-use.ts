/**
 * Whether the learner has used the page yet: moved or pressed a pointer, touched, pressed a key, turned a wheel,
 * moved focus, clicked or scrolled (a scroll no input announced too, such as find in page or a link to a heading).
 * Code that waits for a use (the sandbox's live diagram, components/diagram/LazyFlowDiagram; an island just off
 * screen, components/ui/useInView) asks `onFirstUse`. The page loads its scripts after its first
 * paint, so a use can come before any of them: the inline FIRST_USE_SCRIPT, in every page's head (app/layout.tsx),
 * remembers it for them.
 *
 * A page reached through the site's client-side router was used already: a click or a key brought the learner
 * there, and the flag the script set on the page first loaded says so (the root layout, and its head, stay across
 * such a navigation). The script sets the flag to false when a page's HTML loads, and only false means "not used
 * yet": where it never ran, `__roundtripUsed` is unset and the page counts as used.
 */

/**
 * The events that mean a use, listened for on the window (capturing, passive) until the first one. Capturing hears a
 * scroll of any element, not only of the page.
 */
export const FIRST_USE_EVENTS = ['pointermove', 'pointerdown', 'touchstart', 'keydown', 'wheel', 'focusin', 'click', 'scroll'] as const;

declare global {
  interface Window {
    /** false from the inline script until the first use, true after; unset when the script never ran. */
    __roundtripUsed?: boolean;
  }
}

/** Kept in ES5: it runs while the HTML is parsed, before any bundle. */
export const FIRST_USE_SCRIPT = `(function(){var t=${JSON.stringify(FIRST_USE_EVENTS)},o={capture:true,passive:true},i;window.__roundtripUsed=false;function u(){window.__roundtripUsed=true;for(i=0;i<t.length;i++)window.removeEventListener(t[i],u,o)}for(i=0;i<t.length;i++)window.addEventListener(t[i],u,o)})()`;

/**
 * Calls `used` once, at the first use, or at once if the page has been used already (or was reached by a client-side
 * navigation). Returns the unsubscribe.
 */
export function onFirstUse(used: () => void): () => void {
  if (window.__roundtripUsed !== false) {
    used();
    return () => {};
  }
  const options = { capture: true, passive: true } as const;
  const stop = () => {
    for (const type of FIRST_USE_EVENTS) window.removeEventListener(type, use, options);
  };
  function use() {
    window.__roundtripUsed = true;
    stop();
    used();
  }
  for (const type of FIRST_USE_EVENTS) window.addEventListener(type, use, options);
  return stop;
}
