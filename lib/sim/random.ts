/**
 * Seeded pseudo-random numbers. The engine never reads a global random source: randomness is an input,
 * carried by the scenario's seed, so a run can be replayed exactly from a link.
 *
 * Each purpose draws from its own stream (`streamFor`), and cosmetic values (ids in headers) are hashes of
 * where they appear (`cosmeticHex`), never draws. So adding a header, or recording less, cannot shift a
 * backoff wait: what is recorded never changes what happens.
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

/**
 * A 32-bit hash of a list of strings and numbers: FNV-1a over the characters (with a separator between parts),
 * then MurmurHash3's 32-bit finaliser so that nearby inputs land far apart.
 */
export function hashOf(...parts: readonly (string | number)[]): number {
  let h = 0x811c9dc5;
  for (const part of parts) {
    const text = String(part);
    for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
    h = Math.imul(h ^ 0x1f, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The streams a run draws from. Named, so a new purpose gets a new stream instead of shifting an old one. */
export type StreamName =
  | 'jitter'
  | 'setup'
  | 'arrivals'
  | 'service'
  | 'samples'
  | 'study-network'
  // A traffic run's incidents: a bot flood, an attack burst, a database failover's length.
  | 'bots'
  | 'burst'
  | 'failover'
  // Which edge location each visitor of a traffic run reaches, when there is more than one.
  | 'locations';

/** A draw from the standard normal distribution, N(0, 1): Box–Muller from two uniforms, the first under the root. */
export function standardNormal(random: Random): number {
  return Math.sqrt(-2 * Math.log(1 - random.next())) * Math.cos(2 * Math.PI * random.next());
}

/** An independent stream for one purpose, derived from the run's seed and the stream's name. */
export function streamFor(seed: number, name: StreamName): Random {
  return createRandom(hashOf(seed, name));
}

/** `length` hex digits that depend only on the seed and where they appear: a request, an attempt, a header. */
export function cosmeticHex(seed: number, length: number, ...where: readonly (string | number)[]): string {
  return createRandom(hashOf(seed, ...where)).hex(length);
}

