/**
 * Marks under the scrubber line up with its thumb: the thumb's centre travels from half a thumb in from
 * the left edge to half a thumb in from the right, so a fraction of the run maps onto that inner span.
 */
export const THUMB_REM = 1;

/** A CSS `left` for a fraction (0..1) of the run, aligned with the scrubber's thumb. */
export function trackLeft(fraction: number): string {
  return `calc(${THUMB_REM / 2}rem + (100% - ${THUMB_REM}rem) * ${fraction})`;
}
