/**
 * A latency histogram with a fixed number of buckets whose widths grow geometrically, the idea behind HDR
 * Histogram (Gil Tene, "HdrHistogram: A High Dynamic Range Histogram"). Recording is one array increment, so a
 * run of a million requests keeps the same few kilobytes as a run of ten, and every percentile it reports is
 * within half a bucket, under 1% of the true value, of the exact nearest-rank percentile. Each bucket also keeps
 * the least and greatest value it saw, so a bucket that only ever saw one value reports it exactly.
 */

/** Buckets per doubling: 2^(1/64) ≈ 1.011, so a bucket spans 1.1% and its midpoint is within 0.55% of any value in it. */
const PER_DOUBLING = 64;
/** Values below this (in ms) share the first bucket: a microsecond is below anything the engine distinguishes. */
const FLOOR_MS = 0.001;
/** Doublings from 1 µs to about 12 days. */
const DOUBLINGS = 40;
export const BUCKETS = PER_DOUBLING * DOUBLINGS + 1;

function bucketOf(ms: number): number {
  if (!(ms > FLOOR_MS)) return 0;
  const index = Math.ceil(Math.log2(ms / FLOOR_MS) * PER_DOUBLING);
  return index >= BUCKETS ? BUCKETS - 1 : index;
}

/** The value a bucket stands for: the geometric middle of its range. */
function valueOf(bucket: number): number {
  if (bucket === 0) return 0;
  return FLOOR_MS * 2 ** ((bucket - 0.5) / PER_DOUBLING);
}

export class Histogram {
  private readonly counts = new Uint32Array(BUCKETS);
  private readonly least = new Float64Array(BUCKETS).fill(Infinity);
  private readonly greatest = new Float64Array(BUCKETS).fill(-Infinity);
  count = 0;
  private sum = 0;
  private max = 0;

  /** Records one value; returns its bucket, so a caller can keep something per bucket (metrics.ts: a request id). */
  record(ms: number): number {
    const bucket = bucketOf(ms);
    this.counts[bucket]! += 1;
    if (ms < this.least[bucket]!) this.least[bucket] = ms;
    if (ms > this.greatest[bucket]!) this.greatest[bucket] = ms;
    this.count += 1;
    this.sum += ms;
    if (ms > this.max) this.max = ms;
    return bucket;
  }

  get mean(): number {
    return this.count ? this.sum / this.count : 0;
  }

  /** Forgets everything recorded, keeping its memory: one histogram serves stretch after stretch of a series. */
  reset(): void {
    this.counts.fill(0);
    this.least.fill(Infinity);
    this.greatest.fill(-Infinity);
    this.count = this.sum = this.max = 0;
  }

  /** The nearest-rank percentile p (0–100): its bucket's middle, kept within the values the bucket saw. */
  percentile(p: number): number {
    const bucket = this.bucketOfPercentile(p);
    return bucket < 0 ? 0 : Math.min(Math.max(valueOf(bucket), this.least[bucket]!), this.greatest[bucket]!);
  }

  /** The bucket that holds the nearest-rank percentile p (0–100); -1 when nothing was recorded. */
  bucketOfPercentile(p: number): number {
    if (this.count === 0) return -1;
    const rank = Math.max(1, Math.ceil((p / 100) * this.count));
    let seen = 0;
    for (let bucket = 0; bucket < BUCKETS; bucket++) {
      seen += this.counts[bucket]!;
      if (seen >= rank) return bucket;
    }
    return BUCKETS - 1;
  }
}
