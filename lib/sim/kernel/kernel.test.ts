import { describe, expect, it } from 'vitest';
import { all, fork, Kernel, ProcessGroup, serve, Signal, sleep, waitFor, withDeadline, type Task } from './kernel';

describe('the kernel', () => {
  it('cancels a child when its deadline passes first', () => {
    const kernel = new Kernel();
    const log: string[] = [];
    kernel.spawn(
      (function* (): Task<void> {
        const raced = yield* withDeadline(
          (function* (): Task<string> {
            yield* sleep(100);
            log.push(`child finished at ${kernel.now}`);
            return 'late';
          })(),
          50,
        );
        log.push(`caller resumed at ${kernel.now}: ${raced.finished ? 'finished' : 'timed out'}`);
      })(),
    );
    kernel.run();
    expect(log).toEqual(['caller resumed at 50: timed out']);
  });

  it('lets served work run to the end when the caller stops waiting, and tells it when the caller left', () => {
    const kernel = new Kernel();
    const log: string[] = [];
    kernel.spawn(
      (function* (): Task<void> {
        const raced = yield* withDeadline(
          serve(
            (function* (): Task<string> {
              yield* sleep(100);
              log.push(`server finished at ${kernel.now}`);
              return 'answer';
            })(),
            () => log.push(`caller left at ${kernel.now}`),
          ),
          50,
        );
        log.push(`caller resumed at ${kernel.now}: ${raced.finished ? 'finished' : 'timed out'}`);
      })(),
    );
    kernel.run();
    expect(log).toEqual(['caller left at 50', 'caller resumed at 50: timed out', 'server finished at 100']);
  });

  it('returns the served answer to a caller that waited', () => {
    const kernel = new Kernel();
    let answer = '';
    kernel.spawn(
      (function* (): Task<void> {
        answer = yield* serve(
          (function* (): Task<string> {
            yield* sleep(10);
            return 'rows';
          })(),
          () => {
            throw new Error('the caller never left');
          },
        );
      })(),
    );
    kernel.run();
    expect(answer).toBe('rows');
  });

  it('wakes every waiter of a signal at the instant it fires, in the order they waited, and at once after', () => {
    const kernel = new Kernel();
    const signal = new Signal<number>();
    const log: string[] = [];
    const waiter = (name: string, startAt: number) =>
      function* (): Task<void> {
        yield* sleep(startAt);
        const value = yield* waitFor(signal);
        log.push(`${name} got ${value} at ${kernel.now}`);
      };
    kernel.spawn(waiter('a', 0)());
    kernel.spawn(waiter('b', 5)());
    kernel.spawn(
      (function* (): Task<void> {
        yield* sleep(20);
        signal.fire(7);
        signal.fire(8);
      })(),
    );
    kernel.spawn(waiter('c', 30)());
    kernel.run();
    expect(log).toEqual(['a got 7 at 20', 'b got 7 at 20', 'c got 7 at 30']);
  });

  it("runs a cancelled process's finally blocks, innermost first, and refuses a finally that waits", () => {
    const kernel = new Kernel();
    const log: string[] = [];
    function* inner(): Task<void> {
      try {
        yield* sleep(100);
      } finally {
        log.push(`inner cleaned up at ${kernel.now}`);
      }
    }
    function* outer(): Task<void> {
      try {
        yield* inner();
      } finally {
        log.push(`outer cleaned up at ${kernel.now}`);
      }
    }
    kernel.spawn(
      (function* (): Task<void> {
        yield* withDeadline(outer(), 30);
        log.push(`caller resumed at ${kernel.now}`);
      })(),
    );
    kernel.run();
    expect(log).toEqual(['inner cleaned up at 30', 'outer cleaned up at 30', 'caller resumed at 30']);

    const stubborn = new Kernel();
    stubborn.spawn(
      withDeadline(
        (function* (): Task<void> {
          try {
            yield* sleep(100);
          } finally {
            yield* sleep(1);
          }
        })(),
        10,
      ),
    );
    expect(() => stubborn.run()).toThrow(/finally blocks must not wait/);
  });

  it('steps one wakeup at a time, and runs until a moment without passing it', () => {
    const kernel = new Kernel();
    const log: number[] = [];
    kernel.spawn(
      (function* (): Task<void> {
        for (const gap of [10, 10, 10]) {
          yield* sleep(gap);
          log.push(kernel.now);
        }
      })(),
    );
    kernel.runUntil(15);
    expect(log).toEqual([10]);
    expect(kernel.now).toBe(15);
    expect(kernel.step()).toBe(true);
    expect(log).toEqual([10, 20]);
    kernel.runUntil(20);
    expect(log).toEqual([10, 20]);
    kernel.run();
    expect(log).toEqual([10, 20, 30]);
    expect(kernel.step()).toBe(false);
  });

  it('counts a process group until everything it started has ended: children, forks, served work left behind', () => {
    const kernel = new Kernel();
    const group = new ProcessGroup();
    const live: [number, number][] = [];
    const server = function* (ms: number): Task<void> {
      yield* sleep(ms);
      live.push([kernel.now, group.live]);
    };
    kernel.spawn(
      (function* (): Task<void> {
        yield* fork(server(300));
        // Two children side by side; one hands work to a server and stops waiting for it at 50.
        yield* all([server(20), (function* (): Task<void> { yield* withDeadline(serve(server(200), () => {}), 50); })()]);
      })(),
      () => live.push([kernel.now, group.live]),
      group,
    );
    // Another process, in no group, is not counted.
    kernel.spawn(server(1000));
    expect(group.live).toBe(1);
    // Steps run in order of time, then of waking: the group's root, the process of no group, then the fork the root started.
    expect(kernel.nextGroup()).toBe(group);
    kernel.step();
    expect(kernel.nextGroup()).toBeNull();
    kernel.step();
    expect(kernel.nextGroup()).toBe(group);
    kernel.run();
    // A server counts itself as it logs. At 20: the root, the fork, both children, the racing task and its server.
    // At 50 the race is lost and the root finishes: the racing task is cancelled, the server and the fork go on.
    expect(live).toEqual([
      [20, 6],
      [50, 2],
      [200, 2],
      [300, 1],
      [1000, 0],
    ]);
    expect(group.live).toBe(0);
  });

  it('drops the timers of deadlines settled early from its heap, and still runs everything when it did', () => {
    // 500 calls, each answered in 1–5 ms under a 60 s deadline, and some that time out: far more dead timers than
    // live entries, so the heap sweeps them. What runs, and when, is the same as with each timer popped in turn.
    const kernel = new Kernel();
    const log: string[] = [];
    function* call(i: number): Task<void> {
      const raced = yield* withDeadline(sleep(i % 7 === 0 ? 90_000 : 1 + (i % 5)), 60_000);
      log.push(`${i} ${raced.finished ? 'answered' : 'timed out'} at ${kernel.now}`);
    }
    kernel.spawn(
      (function* (): Task<void> {
        for (let i = 0; i < 500; i++) {
          kernel.spawn(call(i));
          yield* sleep(10);
        }
      })(),
    );
    kernel.run();
    const expected = Array.from({ length: 500 }, (_, i) => ({ i, at: i * 10 + (i % 7 === 0 ? 60_000 : 1 + (i % 5)) }))
      .sort((a, b) => a.at - b.at || a.i - b.i)
      .map(({ i, at }) => `${i} ${i % 7 === 0 ? 'timed out' : 'answered'} at ${at}`);
    expect(log).toEqual(expected);
    // Each call's steps: its start, its deadline child's start, the child's sleep ending (or, cut short, its dead
    // wake-up), the timer; plus the arrivals' start and 500 sleeps. The 428 timers of settled deadlines never come off.
    expect(kernel.steps).toBe(1 + 500 + 4 * 500 - 428);
  });
});
