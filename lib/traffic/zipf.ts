/**
 * Object popularity for many requests: object i (1-based) is asked for with probability proportional to
 * 1/i^s, Zipf's law, which fits web and CDN request streams with s between about 0.6 and 1 (Breslau et al.,
 * "Web Caching and Zipf-like Distributions: Evidence and Implications", IEEE INFOCOM 1999). s = 0 is uniform.
 */
export interface Zipf {
  /** How many distinct objects. */
  readonly objects: number;
  /** The probability of object i, for i in 1..objects. */
  probability(i: number): number;
  /** Object 1..objects for a uniform draw u in [0, 1). */
  sample(u: number): number;
}

export function createZipf(objects: number, exponent: number): Zipf {
  if (!(Number.isInteger(objects) && objects >= 1)) throw new RangeError(`Zipf needs at least one object, not ${objects}`);
  if (!(exponent >= 0)) throw new RangeError(`a Zipf exponent is 0 or more, not ${exponent}`);
  // The cumulative weights, normalised: a draw is a binary search, O(log n), with O(n) memory built once.
  const cumulative = new Float64Array(objects);
  let total = 0;
  for (let i = 1; i <= objects; i++) {
    total += i ** -exponent;
    cumulative[i - 1] = total;
  }
  for (let i = 0; i < objects; i++) cumulative[i]! /= total;
  cumulative[objects - 1] = 1;
  return {
    objects,
    probability: (i) => (i ** -exponent) / total,
    sample: (u) => {
      let lo = 0;
      let hi = objects - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (cumulative[mid]! > u) hi = mid;
        else lo = mid + 1;
      }
      return lo + 1;
    },
  };
}
