/** How each kind of zone is drawn, for the zones on the diagram and the legend. */
import type { ZoneKind } from '@/lib/sim';

/** In dark mode the edge location stays orange, clear of the red of "blocked". */
export const ZONE_TONE_CLASSES: Record<ZoneKind, string> = {
  'edge-location': 'border-orange-400 bg-orange-50/60 dark:border-orange-400/70 dark:bg-orange-400/5',
  vpc: 'border-slate-400 bg-slate-50/60 dark:border-slate-500 dark:bg-slate-900/40',
  'public-subnet': 'border-emerald-500 border-dashed bg-emerald-50/50 dark:border-emerald-600 dark:bg-emerald-950/30',
  'private-subnet': 'border-sky-500 border-dashed bg-sky-50/50 dark:border-sky-600 dark:bg-sky-950/30',
};
