/**
 * Type sizes on the diagram, in flow units (CSS pixels at zoom 1), and conservative estimates of how
 * wide a piece of text runs. The layout reserves room for link labels and zone titles from these
 * estimates, so they must never come out narrower than the real text: each per-character width is
 * above what the widest common system font needs (DejaVu Sans on Linux).
 */

export const FONT = {
  /** A service's name. At the legibility floors below this renders at 12 px or more (11 px in a lesson). */
  title: 15,
  /** The real-world service it stands for. */
  counterpart: 12,
  /** A link's protocol and port (monospace). */
  label: 14,
  /** A zone's name (edge location, VPC, subnet). */
  zone: 13,
} as const;

export const LINE_HEIGHT = 1.25;

/** Monospace glyphs are 0.6 em wide in every common monospace font; a little more for safety. */
const MONO_EM = 0.62;
/** Proportional text averages about 0.52 em in DejaVu Sans, the widest system sans; more for safety. */
const SANS_EM = 0.6;

export function monoWidth(text: string, size: number): number {
  return text.length * size * MONO_EM;
}

export function sansWidth(text: string, size: number): number {
  return text.length * size * SANS_EM;
}
