/**
 * The charts' colours, one pair per tone: the light one on white, the dark one on slate-900. Each line keeps at
 * least 3:1 against its background (WCAG 2.2, 1.4.11 Non-text Contrast); they are Tailwind's 700 and 300 shades,
 * so the charts match the rest of the site. A theory line takes the tone of the figure it predicts, dashed.
 */
export const TONES = {
  blue: { light: '#1d4ed8', dark: '#93c5fd' },
  red: { light: '#b91c1c', dark: '#fca5a5' },
  orange: { light: '#c2410c', dark: '#fdba74' },
  green: { light: '#047857', dark: '#6ee7b7' },
  violet: { light: '#6d28d9', dark: '#c4b5fd' },
  slate: { light: '#475569', dark: '#cbd5e1' },
} as const;

export type Tone = keyof typeof TONES;

/** What is drawn around the lines: axis text, grid, timeline markers, the chosen stretch and the breakers' band. */
export const FRAME = {
  text: { light: '#334155', dark: '#cbd5e1' },
  grid: { light: '#e2e8f0', dark: '#334155' },
  marker: { light: '#475569', dark: '#94a3b8' },
  chosen: { light: 'rgba(29, 78, 216, 0.14)', dark: 'rgba(147, 197, 253, 0.2)' },
  band: { light: 'rgba(185, 28, 28, 0.16)', dark: 'rgba(252, 165, 165, 0.22)' },
} as const;

export const toneOf = (tone: Tone, dark: boolean) => TONES[tone][dark ? 'dark' : 'light'];
export const frameOf = (part: keyof typeof FRAME, dark: boolean) => FRAME[part][dark ? 'dark' : 'light'];

/** The dash of a theory line, in CSS pixels, on the canvas and in the legend's swatch alike. */
export const THEORY_DASH = [6, 4] as const;
