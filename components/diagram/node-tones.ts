/**
 * How a service looks in each state of the run, in one place for the nodes and the legend. The border
 * colour carries the state; the words say it to screen readers and in the legend.
 */
import type { NodeTone } from '@/lib/playback/frame';

export const TONE_CLASSES: Record<NodeTone, string> = {
  idle: 'border-slate-300 bg-white text-slate-900 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100',
  visited: 'border-blue-400 bg-blue-50 text-slate-900 dark:border-blue-500 dark:bg-slate-900 dark:text-slate-100',
  active: 'border-blue-600 bg-blue-100 text-slate-900 ring-4 ring-blue-300 dark:border-blue-400 dark:bg-blue-950 dark:text-white dark:ring-blue-700',
  ok: 'border-emerald-600 bg-emerald-50 text-slate-900 dark:border-emerald-500 dark:bg-emerald-950 dark:text-white',
  blocked: 'border-red-700 bg-red-50 text-slate-900 dark:border-red-500 dark:bg-red-950 dark:text-white',
  error: 'border-amber-600 bg-amber-50 text-slate-900 dark:border-amber-500 dark:bg-amber-950 dark:text-white',
};

/** Said after a node's name ("CDN edge: passed"). */
export const TONE_WORDS: Record<NodeTone, string> = {
  idle: 'not reached yet',
  visited: 'reached',
  active: 'working now',
  ok: 'passed',
  blocked: 'blocked the request',
  error: 'had a failure',
};

/** The legend's order: the way a run goes. */
export const TONE_ORDER: readonly NodeTone[] = ['idle', 'visited', 'active', 'ok', 'blocked', 'error'];

export const SELECTED_CLASSES = 'outline outline-3 outline-offset-2 outline-violet-600 dark:outline-violet-400';
