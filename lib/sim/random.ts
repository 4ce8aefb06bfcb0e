/**
 * Seeded pseudo-random numbers. The engine never reads a global random source: randomness is an input,
 * carried by the scenario's seed, so a run can be replayed exactly from a link.
 *
 * sfc32 (Chris Doty-Humphrey's "small fast chaotic" generator, from PractRand) passes BigCrush
 * and needs only 32-bit integer maths, so it is identical in every JavaScript engine.
 */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** A float in [min, max). */
  between(min: number, max: number): number;
  /** An integer in [min, max]. */
  int(min: number, max: number): number;
  /** `length` hex digits, for request ids and ETags. */
  hex(length: number): string;
}

export function createRandom(seed: number): Random {
  // Spread the seed over the four words of state, then discard the first outputs (as sfc32's author advises).
  let a = 0x9e3779b9;
  let b = 0x243f6a88;
  let c = 0xb7e15162;
  let d = seed >>> 0;
  const nextUint32 = (): number => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return t >>> 0;
  };
  for (let i = 0; i < 15; i++) nextUint32();

  const next = (): number => nextUint32() / 4294967296;
  return {
    next,
    between: (min, max) => min + (max - min) * next(),
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    hex: (length) => {
      let out = '';
      while (out.length < length) out += nextUint32().toString(16).padStart(8, '0');
      return out.slice(0, length);
    },
  };
}
