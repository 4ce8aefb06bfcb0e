import { describe, expect, it } from 'vitest';
import { Kernel, serve, Signal, sleep, waitFor, withDeadline, type Task } from './kernel';

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
});
