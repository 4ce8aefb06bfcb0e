/**
 * The `Resource` against queueing theory, with fixed seeds and stated tolerances. Each formula is computed
 * here from its textbook definition, so a wrong queue discipline, a leaked server or a miscounted wait fails.
 */
import { describe, expect, it } from 'vitest';
import { erlangC } from '@/lib/traffic/theory';
import { createRandom } from '../random';
import { acquire, holding, Kernel, sleep, withDeadline, type Task } from './kernel';

/** An exponential draw with the given rate, by inversion. */
const exponential = (u: number, rate: number) => -Math.log(1 - u) / rate;

function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

/** Poisson arrivals at rate λ to c servers with exponential service at rate μ each, for `customers` arrivals. */
function simulateMMc({ lambda, mu, servers, customers, seed }: { lambda: number; mu: number; servers: number; customers: number; seed: number }) {
  const kernel = new Kernel();
  const station = kernel.resource(servers);
  const arrivals = createRandom(seed);
  const service = createRandom(seed + 1);
  const sojourns: number[] = [];
  function* customer(): Task<void> {
    const arrived = kernel.now;
    yield* holding(station, sleep(exponential(service.next(), mu)));
    sojourns.push(kernel.now - arrived);
  }
  kernel.spawn(
    (function* (): Task<void> {
      for (let i = 0; i < customers; i++) {
        kernel.spawn(customer());
        yield* sleep(exponential(arrivals.next(), lambda));
      }
    })(),
  );
  kernel.run();
  return { sojourns, stats: station.stats(), end: kernel.now };
}

describe('a resource under Poisson load', () => {
  it('M/M/1: the time in system is exponential with rate μ − λ (mean, median and 99th percentile)', () => {
    const lambda = 0.5;
    const mu = 1;
    const { sojourns } = simulateMMc({ lambda, mu, servers: 1, customers: 200_000, seed: 11 });
    const sorted = [...sojourns].sort((a, b) => a - b);
    const mean = sojourns.reduce((a, b) => a + b, 0) / sojourns.length;
    expect(Math.abs(mean * (mu - lambda) - 1)).toBeLessThan(0.03);
    expect(Math.abs(quantile(sorted, 0.5) - Math.LN2 / (mu - lambda)) / (Math.LN2 / (mu - lambda))).toBeLessThan(0.03);
    expect(Math.abs(quantile(sorted, 0.99) - Math.log(100) / (mu - lambda)) / (Math.log(100) / (mu - lambda))).toBeLessThan(0.05);
  });

  it('M/M/c: ten servers at λ = 8, μ = 1 match Erlang C, P(wait) = 0.4092 and Wq = 0.2046/μ', () => {
    const servers = 10;
    const lambda = 8;
    const mu = 1;
    const pWait = erlangC(servers, lambda / mu);
    const wq = pWait / (servers * mu - lambda);
    expect(pWait).toBeCloseTo(0.4092, 4);
    expect(wq).toBeCloseTo(0.2046, 4);
    const { stats } = simulateMMc({ lambda, mu, servers, customers: 200_000, seed: 5 });
    expect(Math.abs(stats.waitedShare - pWait)).toBeLessThan(0.02);
    expect(Math.abs(stats.meanWaitMs - wq) / wq).toBeLessThan(0.08);
    expect(Math.abs(stats.utilization - lambda / (servers * mu))).toBeLessThan(0.01);
  });

  it("Little's law holds exactly over a run that starts and ends empty: L = λW", () => {
    for (const [servers, seed] of [
      [1, 1],
      [3, 2],
      [10, 3],
    ] as const) {
      const { sojourns, stats, end } = simulateMMc({ lambda: 2, mu: 1, servers, customers: 5_000, seed });
      const inSystem = stats.meanBusy + stats.meanQueue;
      const throughput = sojourns.length / end;
      const meanSojourn = sojourns.reduce((a, b) => a + b, 0) / sojourns.length;
      expect(inSystem).toBeCloseTo(throughput * meanSojourn, 9);
    }
  });
});

describe('the resource', () => {
  it('serves in arrival order and hands a released server to the longest waiter', () => {
    const kernel = new Kernel();
    const pool = kernel.resource(1);
    const log: string[] = [];
    const user = (name: string, arriveAt: number, holdMs: number) =>
      (function* (): Task<void> {
        yield* sleep(arriveAt);
        yield* holding(pool, sleep(holdMs));
        log.push(`${name} done at ${kernel.now}`);
      })();
    kernel.spawn(user('a', 0, 10));
    kernel.spawn(user('b', 1, 10));
    kernel.spawn(user('c', 2, 10));
    kernel.run();
    expect(log).toEqual(['a done at 10', 'b done at 20', 'c done at 30']);
    expect(pool.inUse).toBe(0);
    expect(pool.stats()).toMatchObject({ arrivals: 3, granted: 3, waitedShare: 2 / 3, meanWaitMs: (0 + 9 + 18) / 3 });
  });

  it('a waiter whose deadline passes leaves the queue, and a holder that is cancelled gives its server back', () => {
    const kernel = new Kernel();
    const pool = kernel.resource(1);
    const log: string[] = [];
    kernel.spawn(
      (function* (): Task<void> {
        // Holds the only server until its deadline cancels it at 50: the `finally` in `holding` releases it.
        const raced = yield* withDeadline(holding(pool, sleep(1_000)), 50);
        log.push(`holder ${raced.finished ? 'finished' : 'cancelled'} at ${kernel.now}`);
      })(),
    );
    kernel.spawn(
      (function* (): Task<void> {
        yield* sleep(1);
        const raced = yield* withDeadline(acquire(pool), 10);
        log.push(`impatient ${raced.finished ? 'served' : 'gave up'} at ${kernel.now}`);
      })(),
    );
    kernel.spawn(
      (function* (): Task<void> {
        yield* sleep(2);
        yield* holding(pool, sleep(5));
        log.push(`patient done at ${kernel.now}`);
      })(),
    );
    kernel.run();
    expect(log).toEqual(['impatient gave up at 11', 'holder cancelled at 50', 'patient done at 55']);
    expect(pool.inUse).toBe(0);
    expect(pool.waiting).toBe(0);
  });

  it("keeps its time integrals running across a window's start, so a stretch that spans the warm-up's end is measured right", () => {
    const kernel = new Kernel();
    const pool = kernel.resource(1);
    // One holder from 0 to 10, a second waits from 2 and holds from 10 to 20; the window restarts at 5.
    kernel.spawn(holding(pool, sleep(10)));
    kernel.spawn(
      (function* (): Task<void> {
        yield* sleep(2);
        yield* holding(pool, sleep(10));
      })(),
    );
    kernel.spawn(
      (function* (): Task<void> {
        yield* sleep(5);
        pool.startWindow();
      })(),
    );
    kernel.run();
    expect(pool.areas()).toEqual({ busy: 20, queue: 8 });
    // The window's own figures start at 5: busy 15 of 15 ms, a queue of one from 5 to 10.
    expect(pool.stats()).toMatchObject({ meanBusy: 1, meanQueue: 5 / 15 });
  });

  it('refuses a release nobody took', () => {
    const kernel = new Kernel();
    expect(() => kernel.resource(2).release()).toThrow(/not taken/);
    expect(() => kernel.resource(0)).toThrow(RangeError);
  });
});
