/**
 * A caller's fallback taking over from a failed or refused call: what it serves, or why it serves nothing, as an
 * event. Whatever stands in is counted, so a traffic run says how much of what it served was a fallback.
 */
import { note, type SimContext, type Tag } from '../context';
import { NODES } from '../topology';
import type { NodeId } from '../types';
import type { FallbackChoice } from './fallback';
import type { EdgeGuards } from './guards';

type Served = Extract<FallbackChoice, { serves: string }>;

export interface StandInSite {
  caller: NodeId;
  callee: NodeId;
  /** What the kept answer is, in words: "this product", "the subscription". */
  what: string;
  /** The built-in default, in words: "a guest profile, with no user data". */
  defaultWords: string;
  /** Why this call can have no fallback at all (a charge cannot be faked), or null. */
  never: string | null;
}

function secondsOld(ms: number): string {
  return `${Math.round(ms / 100) / 10} s`;
}

/** The fallback for a call that failed or was refused: what stands in, or null when nothing does (then the failure goes on). */
export function standIn(ctx: SimContext, tag: Tag, guards: EdgeGuards | null, site: StandInSite, key: string): Served | null {
  const store = guards?.fallback;
  if (!store) return null;
  const caller = guards.owner;
  const callee = NODES[site.callee].label;
  if (site.never) {
    note(ctx, tag, site.caller, {
      kind: 'fallback',
      narration: () => `${caller} has a fallback for ${callee}, but not for this: ${site.never}. The failure goes on.`,
      decision: `no fallback: ${site.never}`,
    });
    return null;
  }
  const choice = store.choose(key, ctx.kernel.now);
  if (choice.serves === null) {
    note(ctx, tag, site.caller, {
      kind: 'fallback',
      narration: () => `${caller} would fall back on the last good answer for ${site.what}, but ${choice.why}. The failure goes on.`,
      decision: `no fallback: ${choice.why}`,
    });
    return null;
  }
  ctx.counters.fallbacks += 1;
  note(ctx, tag, site.caller, {
    kind: 'fallback',
    narration: () =>
      choice.serves === 'default'
        ? `${caller} falls back on its built-in default instead of ${callee}'s answer: ${site.defaultWords}.`
        : `${caller} falls back on the answer for ${site.what} it kept ${secondsOld(choice.ageMs!)} ago${choice.serves === 'cache' ? `, within its ${store.ttlMs / 1000} s` : ', stale but better than an error'}.`,
    decision: () => `fallback: ${choice.serves}${choice.ageMs === null ? '' : `, ${secondsOld(choice.ageMs)} old`}`,
  });
  return choice;
}
