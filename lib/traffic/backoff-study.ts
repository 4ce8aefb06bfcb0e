/**
 * The backoff study (`mode: backoff-study`): Marc Brooker's "Exponential Backoff And Jitter" (AWS Architecture
 * Blog, 2015) run again on the engine's kernel, with the engine's own backoff formulas (lib/sim/retry/backoff.ts).
 *
 * The model is the study's (its simulator: aws-samples/aws-arch-backoff-simulator, src/backoff_simulator.py).
 * One row carries a version number, under optimistic concurrency control, and each of `clients` clients wants
 * to write it once. A client reads the row's version, then sends its write, which commits only if the version is
 * still the one it read; a commit bumps the version. A client whose write lost waits its backoff, then reads
 * again, until its write commits. The server answers each read and write the instant it arrives, so clients
 * contend only by racing each other: a write loses when another write committed between its read and its
 * arrival. Every message crosses the network in |N(10, 2)| ms.
 *
 * What it counts (docs/backoff-study.md):
 * - a call is one request the server answers, a read or a write. The study's "work" counts writes (its
 *   simulator's `calls`); every write follows exactly one read, so `calls` = 2 × `writes` and the strategies
 *   rank as the study's do;
 * - `completionMs` is the moment the last client learns its write committed: the study's "time", the end of its run.
 */
import type { Scenario } from '@/lib/scenario/schema';
import { Kernel, sleep, type Task } from '@/lib/sim/kernel/kernel';
import { standardNormal, streamFor, type Random } from '@/lib/sim/random';
import { backoffSchedule, type BackoffPolicy, type Delay } from '@/lib/sim/retry/backoff';

/**
 * The study's network: each message takes |N(10, 2)| ms, the absolute value of a normal draw (the simulator's
 * `Net(10, 2)`; the study says a normal model is "close enough for the model comparison").
 */
export const STUDY_NETWORK = { meanMs: 10, sdMs: 2 } as const;

/** One message's time on the study's network, in ms. */
export function studyNetworkDelay(random: Random): number {
  return Math.abs(STUDY_NETWORK.meanMs + STUDY_NETWORK.sdMs * standardNormal(random));
}

/**
 * The study numbers a client's retries from 1: its simulator counts the lost write before it asks for the wait
 * (`attempt += 1`, then `backoff(attempt)`), so the first wait is drawn under min(cap, base · 2¹) = 10 ms. The
 * engine's own retry loop counts from 0; the formulas are the same.
 */
const STUDY_FIRST_RETRY_INDEX = 1;

export interface BackoffStudySummary {
  clients: number;
  /** Requests the server answered: `reads` + `writes`. */
  calls: number;
  reads: number;
  writes: number;
  /** Writes that lost the race (another write committed after the writer's read): `writes` − `clients`. */
  conflicts: number;
  /** When the last client learned its write committed, in simulated ms from the start. */
  completionMs: number;
  /** The same moment for the average client, and for the median one. */
  meanCompletionMs: number;
  medianCompletionMs: number;
  /** The most reads-then-writes one client needed, its successful one included. */
  mostAttempts: number;
}

export interface BackoffStudyResult {
  version: number;
  mode: 'backoff-study';
  /** The strategy under test, from the scenario's `retry` settings. */
  policy: BackoffPolicy;
  network: typeof STUDY_NETWORK;
  summary: BackoffStudySummary;
}

interface Tally {
  reads: number;
  writes: number;
  conflicts: number;
}

/** One row under optimistic concurrency: a write commits only against the version its writer read. */
interface Row {
  version: number;
}

/** One client: read, write, and on a lost race back off and start again, until its write commits. Returns its attempts. */
function* client(row: Row, network: () => number, nextBackoff: () => Delay, tally: Tally): Task<number> {
  for (let attempt = 1; ; attempt++) {
    yield* sleep(network()); // the read reaches the server
    const seen = row.version;
    tally.reads += 1;
    yield* sleep(network()); // its answer comes back
    yield* sleep(network()); // the write reaches the server
    tally.writes += 1;
    const committed = row.version === seen;
    if (committed) row.version += 1;
    else tally.conflicts += 1;
    yield* sleep(network()); // its answer comes back
    if (committed) return attempt;
    yield* sleep(nextBackoff().waitMs);
  }
}

const microseconds = (ms: number) => Math.round(ms * 1000) / 1000;

function median(sorted: readonly number[]): number {
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Runs the study for the scenario's clients and retry policy (`retry.backoff`, `jitter`, `baseMs`, `capMs`). */
export function runBackoffStudy(scenario: Scenario): BackoffStudyResult {
  const { backoff, jitter, baseMs, capMs } = scenario.retry;
  const policy: BackoffPolicy = { backoff, jitter, baseMs, capMs };
  const { clients } = scenario.backoffStudy;
  // The network's delays and the backoff's jitter draw from streams of their own, shared by all clients in the
  // order things happen; each client keeps its own schedule (its retry count, its previous sleep).
  const networkRandom = streamFor(scenario.seed, 'study-network');
  const network = () => studyNetworkDelay(networkRandom);
  const jitterRandom = streamFor(scenario.seed, 'jitter');

  const kernel = new Kernel();
  const row: Row = { version: 0 };
  const tally: Tally = { reads: 0, writes: 0, conflicts: 0 };
  const completions: number[] = [];
  let mostAttempts = 0;
  for (let i = 0; i < clients; i++) {
    kernel.spawn(client(row, network, backoffSchedule(policy, jitterRandom, STUDY_FIRST_RETRY_INDEX), tally), (attempts) => {
      completions.push(kernel.now);
      mostAttempts = Math.max(mostAttempts, attempts);
    });
  }
  kernel.run();

  completions.sort((a, b) => a - b);
  const mean = completions.reduce((sum, t) => sum + t, 0) / completions.length;
  return {
    version: scenario.v,
    mode: 'backoff-study',
    policy,
    network: STUDY_NETWORK,
    summary: {
      clients,
      calls: tally.reads + tally.writes,
      ...tally,
      completionMs: microseconds(completions[completions.length - 1]!),
      meanCompletionMs: microseconds(mean),
      medianCompletionMs: microseconds(median(completions)),
      mostAttempts,
    },
  };
}
