/**
 * What queueing and caching theory predicts, for the tests that hold the engine to it and for a learner who
 * compares a run with the formula. Each function cites where its formula comes from.
 */

/**
 * Erlang's C formula: the probability that an arrival waits, at c servers with offered load a = λ/μ (< c).
 * Kleinrock, "Queueing Systems, Volume 1: Theory" (1975), §3.5, the M/M/m queue.
 */
export function erlangC(servers: number, offered: number): number {
  if (!(offered < servers)) return 1;
  let term = 1;
  let sum = 1;
  for (let k = 1; k < servers; k++) {
    term *= offered / k;
    sum += term;
  }
  const waiting = ((term * offered) / servers) * (servers / (servers - offered));
  return waiting / (sum + waiting);
}

/**
 * The hit ratio of one object in a TTL cache under Poisson requests at rate λ: a miss stores the object for T,
 * and every request in the next T hits, so a cycle has 1 miss and λT hits on average: λT / (1 + λT).
 * Jung, Berger and Balakrishnan, "Modeling TTL-based Internet Caches", IEEE INFOCOM 2003.
 */
export function ttlHitRatio(ratePerSecond: number, ttlSeconds: number): number {
  const x = ratePerSecond * ttlSeconds;
  return x / (1 + x);
}

/**
 * Che's approximation for an LRU cache of `capacity` objects under independent requests with popularities p:
 * find the characteristic time T with Σ (1 − e^(−p_i T)) = capacity; object i hits with 1 − e^(−p_i T).
 * Che, Tung and Wang, "Hierarchical Web Caching Systems: Modeling, Design and Experimental Results", IEEE JSAC
 * 20(7), 2002; Fricker, Robert and Roberts, "A versatile and accurate approximation for LRU cache performance",
 * ITC 2012, on why it is accurate.
 */
export function cheHitRatio(popularities: readonly number[], capacity: number): { hitRatio: number; characteristicTime: number } {
  if (capacity >= popularities.length) return { hitRatio: 1, characteristicTime: Infinity };
  const occupancy = (t: number) => popularities.reduce((sum, p) => sum - Math.expm1(-p * t), 0);
  let lo = 0;
  let hi = 1;
  while (occupancy(hi) < capacity) hi *= 2;
  for (let i = 0; i < 200 && hi - lo > 1e-9 * hi; i++) {
    const mid = (lo + hi) / 2;
    if (occupancy(mid) < capacity) lo = mid;
    else hi = mid;
  }
  const t = (lo + hi) / 2;
  return { hitRatio: popularities.reduce((sum, p) => sum - p * Math.expm1(-p * t), 0), characteristicTime: t };
}

/**
 * How many calls reach the bottom when each of `layers` layers makes `attempts` tries of a call that always
 * fails: a^L. Three layers of three tries turn one click into 27 calls (Amazon Builders' Library, "Timeouts,
 * retries, and backoff with jitter").
 */
export function retryAmplification(attempts: number, layers: number): number {
  return attempts ** layers;
}
