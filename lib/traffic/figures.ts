/**
 * A traffic run's figures as people read them: shares as percentages, moments and rates. Milliseconds have their
 * own format for the whole site (lib/format-ms.ts); these sit beside it for what only traffic runs show.
 */

/** A share as a percentage: 0.1319 → "13.2%". */
export function formatPercent(share: number, decimals = 1): string {
  return `${(share * 100).toFixed(decimals)}%`;
}

/** A moment or a span of simulated seconds, to the tenth at most: 21 → "21 s", 20.25 → "20.3 s". */
export function formatSecondsAt(seconds: number): string {
  return `${Math.round(seconds * 10) / 10} s`;
}

/** A rate or a count averaged over a stretch, to one decimal when it is small: 48 → "48", 0.294 → "0.3". */
export function formatAmount(value: number): string {
  return Math.abs(value) >= 100 ? String(Math.round(value)) : String(Math.round(value * 10) / 10);
}

/** A span of seconds in the unit that reads best: 60 → "60 s", 300 → "5 min", 86400 → "24 h", 604800 → "7 days". */
export function formatSpan(seconds: number): string {
  if (seconds < 120) return formatSecondsAt(seconds);
  if (seconds < 7200) return `${Math.round(seconds / 60)} min`;
  if (seconds < 172_800) return `${Math.round(seconds / 3600)} h`;
  return `${Math.round(seconds / 86_400)} days`;
}
