/**
 * The dots in flight on each link, as plain numbers: no DOM, no clock of its own. The diagram's animation clock
 * (seconds, advancing only while it plays) drives it.
 *
 * A link with a count of n dots keeps about n in flight: dots travel it at one speed, so each lives the link's
 * length over the speed, and they are sent at n per lifetime, evenly. When the count changes, dots already on the
 * way finish their trip and the new rate fills in behind them within one lifetime, so nothing jumps. A fractional
 * count is honoured on average (0.3 dots: one on the link 30% of the time).
 *
 * Each dot's kind (request, server error, bot, stopped) follows the link's shares through a low-discrepancy
 * sequence, so the kinds come in their exact proportions without a random draw, and the same run draws the same.
 */
import { DOT_KINDS, type DotKind } from './flows';

/** Flow units (CSS pixels at zoom 1) a dot travels per second of animation. */
export const DOT_SPEED = 70;
/** The most dots a link holds; beyond it the oldest go first. Far above what `perDot` allows. */
const CAPACITY = 1024;
/** The golden ratio's and the plastic number's fractional steps: sequences that spread evenly over [0, 1). */
const KIND_STEP = 0.6180339887498949;
const SIDE_STEP = 0.7548776662466927;

const KIND_INDEX: Record<DotKind, number> = Object.fromEntries(DOT_KINDS.map((k, i) => [k, i])) as Record<DotKind, number>;

class LinkDots {
  readonly births = new Float64Array(CAPACITY);
  readonly kinds = new Uint8Array(CAPACITY);
  readonly sides = new Float32Array(CAPACITY);
  head = 0;
  size = 0;
  sent = 0;
  owed = 0;
  count = 0;
  shares: readonly number[] = [1, 0, 0, 0];

  constructor(readonly lifetime: number) {}

  private kindOf(seq: number): number {
    const u = (seq * KIND_STEP) % 1;
    let sum = 0;
    for (let k = 0; k < this.shares.length; k++) {
      sum += this.shares[k]!;
      if (u < sum) return k;
    }
    return 0;
  }

  push(birth: number): void {
    if (this.size === CAPACITY) {
      this.head = (this.head + 1) % CAPACITY;
      this.size -= 1;
    }
    const at = (this.head + this.size) % CAPACITY;
    const seq = this.sent++;
    this.births[at] = birth;
    this.kinds[at] = this.kindOf(seq);
    this.sides[at] = ((seq * SIDE_STEP) % 1) * 2 - 1;
    this.size += 1;
  }

  /** Sends what is owed up to `now` and lets go of dots that arrived. */
  advance(now: number, dt: number): void {
    const perS = this.count / this.lifetime;
    if (perS > 0 && dt > 0) {
      this.owed += perS * dt;
      while (this.owed >= 1) {
        this.owed -= 1;
        // Backdated to when it was due, so dots stay evenly spaced whatever the frame rate.
        this.push(now - this.owed / perS);
      }
    }
    while (this.size > 0 && now - this.births[this.head]! >= this.lifetime) {
      this.head = (this.head + 1) % CAPACITY;
      this.size -= 1;
    }
  }

  /** As if the count had held for a whole lifetime: evenly spaced along the link. */
  reseed(now: number): void {
    this.head = this.size = 0;
    const n = Math.round(this.count);
    for (let i = n - 1; i >= 0; i--) this.push(now - ((i + 0.5) * this.lifetime) / n);
    this.owed = 0.5;
  }
}

export interface DotVisit {
  (link: number, progress: number, side: number, kind: number): void;
}

export class DotField {
  private readonly links: LinkDots[];
  private readonly index = new Map<string, number>();

  /** `lengths`: each link's id and length in flow units, in the order `forEach` reports them. */
  constructor(lengths: readonly { id: string; length: number }[], speed = DOT_SPEED) {
    this.links = lengths.map(({ id, length }, i) => {
      this.index.set(id, i);
      return new LinkDots(Math.max(length, 1) / speed);
    });
  }

  /** Each link's dots (its rate over the scale) and the shares of their kinds; links not named carry none. */
  setFlows(flows: readonly { linkId: string; count: number; shares: readonly number[] }[]): void {
    for (const link of this.links) link.count = 0;
    for (const f of flows) {
      const link = this.links[this.index.get(f.linkId) ?? -1];
      if (!link) continue;
      link.count = f.count;
      link.shares = f.shares;
    }
  }

  advance(now: number, dt: number): void {
    for (const link of this.links) link.advance(now, dt);
  }

  reseed(now: number): void {
    for (const link of this.links) link.reseed(now);
  }

  get inFlight(): number {
    return this.links.reduce((sum, l) => sum + l.size, 0);
  }

  /** Every dot of one kind: its link's index, how far along (0 to 1), its side offset (−1 to 1). */
  forEachOfKind(kind: DotKind, now: number, visit: DotVisit): void {
    const k = KIND_INDEX[kind];
    for (let li = 0; li < this.links.length; li++) {
      const link = this.links[li]!;
      for (let j = 0; j < link.size; j++) {
        const at = (link.head + j) % CAPACITY;
        if (link.kinds[at] !== k) continue;
        visit(li, Math.min(1, Math.max(0, (now - link.births[at]!) / link.lifetime)), link.sides[at]!, k);
      }
    }
  }
}
