/**
 * A discrete-event kernel for cooperative processes.
 *
 * A process is a generator that yields effects (sleep, run children, race a deadline, fork) and is
 * resumed by the kernel at the simulated time the effect completes. Writing each node as a process
 * keeps its logic in the order a reader expects ("open a connection, send, wait for the answer"),
 * while the kernel interleaves any number of them on one simulated clock.
 *
 * The clock only moves when the kernel pops the next timed entry: nothing here reads the wall clock.
 */
import { TimedHeap, type Timed } from './heap';
import { Resource } from './resource';

export { Resource, type ResourceStats } from './resource';

export type Effect =
  | { readonly type: 'sleep'; readonly ms: number }
  | { readonly type: 'all'; readonly tasks: readonly Task<unknown>[] }
  | { readonly type: 'deadline'; readonly task: Task<unknown>; readonly ms: number }
  | { readonly type: 'fork'; readonly task: Task<unknown> }
  | { readonly type: 'serve'; readonly task: Task<unknown>; readonly onCallerGone: () => void }
  | { readonly type: 'wait'; readonly signal: Signal<unknown> }
  | { readonly type: 'acquire'; readonly resource: Resource };

export type Task<T> = Generator<Effect, T, unknown>;

export type DeadlineResult<T> = { readonly finished: true; readonly value: T } | { readonly finished: false };

/** A wake-up on the heap: a fiber to resume, or a deadline's timer to fire. Every one has the same shape. */
interface Wakeup extends Timed {
  fiber: Fiber | null;
  timer: Timer | null;
  input: unknown;
  /** Runs just before the fiber resumes (not if it was cancelled first). */
  onResume: (() => void) | undefined;
}

/** Something a fiber waits on that must stop when the fiber is cancelled: a child process or a deadline's timer. */
interface Cancellable {
  cancel(): void;
}

const NOTHING = () => {};

/**
 * A deadline's timer. It is not a process, just a wake-up that fires once unless cancelled, so a deadline costs
 * one heap entry. Cancelling it drops what it would have done, so a timer left on the heap after its race is
 * settled holds nothing alive until its time comes.
 */
class Timer implements Cancellable {
  cancelled = false;
  /** On the heap, not yet taken off: cancelling it then leaves a dead entry there (`DeadTimers`). */
  pending = true;
  constructor(
    public fire: () => void,
    /** The group of the process whose race it settles. */
    readonly group: ProcessGroup | null,
    private readonly dead: DeadTimers,
  ) {}
  cancel(): void {
    if (this.cancelled) return;
    this.cancelled = true;
    this.fire = NOTHING;
    if (this.pending) this.dead.count += 1;
  }
}

/**
 * Cancelled timers still on the heap. Most deadlines are settled long before they would fire (a 60 s timeout on a
 * 40 ms answer), so under load the heap would fill with them: about 700 in a default traffic run, twice its live
 * entries, and every push and pop climbing past them. When they are the majority the heap drops them.
 */
interface DeadTimers {
  count: number;
}

/** Below this many dead timers a sweep costs more than the deeper heap. */
const SWEEP_AFTER = 64;

/**
 * The processes that one process started, and all that they started in turn: children, forks and served work.
 * It counts those still alive, so a caller can tell when everything one request set going has ended, its
 * abandoned work included (a traffic run's replay of one request, lib/traffic/replay.ts). Most processes
 * belong to none.
 */
export class ProcessGroup {
  /** Processes of the group not yet finished or cancelled. */
  live = 0;
}

class Fiber implements Cancellable {
  cancelled = false;
  finished = false;
  running = false;
  /** Made on first use: most fibers never have children or cleanups, and a traffic run starts hundreds of thousands. */
  private children: Set<Cancellable> | null = null;
  /**
   * What to undo if the fiber is cancelled while it waits: tell a server its caller left (the work itself is
   * not this fiber's to cancel), leave a resource's queue, give back a server granted a moment ago.
   */
  private cleanups: Set<() => void> | null = null;

  constructor(
    readonly task: Task<unknown>,
    readonly onDone: (value: unknown) => void,
    /** Inherited by every process this one starts. */
    readonly group: ProcessGroup | null,
  ) {
    if (group) group.live += 1;
  }

  addChild(child: Cancellable): void {
    (this.children ??= new Set()).add(child);
  }

  removeChild(child: Cancellable): void {
    this.children?.delete(child);
  }

  addCleanup(cleanup: () => void): void {
    (this.cleanups ??= new Set()).add(cleanup);
  }

  removeCleanup(cleanup: () => void): void {
    this.cleanups?.delete(cleanup);
  }

  /**
   * Stops the fiber where it waits: its children first, then its cleanups, then its own `finally` blocks,
   * through `generator.return()`, so a process that holds a resource gives it back. Cleanup is immediate:
   * a `finally` block that tries to wait is a bug, and throws.
   */
  cancel(): void {
    if (this.cancelled || this.finished) return;
    if (this.running) throw new Error('a process cannot be cancelled while it runs; let its deadline or its parent do it');
    this.cancelled = true;
    if (this.group) this.group.live -= 1;
    if (this.children) for (const child of this.children) child.cancel();
    if (this.cleanups) {
      for (const cleanup of this.cleanups) cleanup();
      this.cleanups.clear();
    }
    const result = this.task.return(undefined);
    if (!result.done) throw new Error('a process yielded while it was being cancelled: finally blocks must not wait');
  }
}

/**
 * A one-shot event processes can wait for: a transaction committing, a lock being released.
 * Waiters resume at the simulated instant it fires, in the order they began waiting.
 */
export class Signal<T> {
  private fired = false;
  private value: T | undefined;
  private readonly waiters: ((value: T) => void)[] = [];

  get hasFired(): boolean {
    return this.fired;
  }

  fire(value: T): void {
    if (this.fired) return;
    this.fired = true;
    this.value = value;
    for (const wake of this.waiters.splice(0)) wake(value);
  }

  /** For the kernel: resume `wake` when the signal fires, or at once if it has. */
  subscribe(wake: (value: T) => void): void {
    if (this.fired) wake(this.value as T);
    else this.waiters.push(wake);
  }
}

export class Kernel {
  private clock = 0;
  private seq = 0;
  private readonly queue = new TimedHeap<Wakeup>();
  private readonly deadTimers: DeadTimers = { count: 0 };
  /** Wake-ups taken off the heap so far: the kernel's own measure of the work done, for the bench. */
  steps = 0;

  /** The simulated time, in milliseconds. */
  get now(): number {
    return this.clock;
  }

  /** Starts a top-level process now; with a `group`, it and everything it starts are counted there. */
  spawn<T>(task: Task<T>, onDone: (value: T) => void = () => {}, group: ProcessGroup | null = null): void {
    this.start(new Fiber(task, onDone as (value: unknown) => void, group));
  }

  /** A station of `capacity` servers on this kernel's clock (see `Resource`). */
  resource(capacity: number): Resource {
    return new Resource(capacity, () => this.clock);
  }

  /** Resumes the next waiting process; false when nothing is left to do. */
  step(): boolean {
    const dead = this.deadTimers;
    if (dead.count > SWEEP_AFTER && dead.count * 2 > this.queue.size) {
      this.queue.retain((w) => w.timer === null || !w.timer.cancelled);
      dead.count = 0;
    }
    const next = this.queue.pop();
    if (!next) return false;
    this.steps += 1;
    this.clock = next.t;
    if (next.timer) {
      next.timer.pending = false;
      if (!next.timer.cancelled) next.timer.fire();
      else dead.count -= 1;
    } else if (!next.fiber!.cancelled) {
      next.onResume?.();
      this.resume(next.fiber!, next.input);
    }
    return true;
  }

  /**
   * The group of the process the next step resumes (for a deadline's timer, the group of the process it wakes),
   * null if none. A step runs that process and those it resumes at once (its caller, its parent), which share its
   * group; anything else it wakes waits for a later step. So what changes during a step is that group's doing.
   */
  nextGroup(): ProcessGroup | null {
    const next = this.queue.peek();
    return next ? (next.fiber ?? next.timer!).group : null;
  }

  /** Runs until no process has anything left to do. */
  run(): void {
    while (this.step());
  }

  /** Runs everything due at or before `t`, then moves the clock to `t` (if it is later). */
  runUntil(t: number): void {
    for (let next = this.queue.peek(); next && next.t <= t; next = this.queue.peek()) this.step();
    this.clock = Math.max(this.clock, t);
  }

  private start(fiber: Fiber): void {
    this.wake(fiber, undefined, 0);
  }

  private wake(fiber: Fiber, input: unknown, afterMs: number, onResume?: () => void): void {
    this.queue.push({ t: this.clock + Math.max(0, afterMs), seq: this.seq++, fiber, timer: null, input, onResume });
  }

  private setTimer(timer: Timer, afterMs: number): void {
    this.queue.push({ t: this.clock + Math.max(0, afterMs), seq: this.seq++, fiber: null, timer, input: undefined, onResume: undefined });
  }

  private resume(fiber: Fiber, input: unknown): void {
    fiber.running = true;
    let result: IteratorResult<Effect, unknown>;
    try {
      result = fiber.task.next(input);
    } finally {
      fiber.running = false;
    }
    if (result.done) {
      fiber.finished = true;
      if (fiber.group) fiber.group.live -= 1;
      fiber.onDone(result.value);
      return;
    }
    const effect = result.value;
    switch (effect.type) {
      case 'sleep':
        // A sleep of Infinity waits for ever: only a deadline or a cancelled parent ends it (a packet that
        // never arrives), and it takes no room on the heap.
        if (effect.ms !== Infinity) this.wake(fiber, undefined, effect.ms);
        return;
      case 'fork': {
        this.start(new Fiber(effect.task, () => {}, fiber.group));
        this.wake(fiber, undefined, 0);
        return;
      }
      case 'serve': {
        // The server's work is not the caller's child: if the caller stops waiting (its own deadline, or
        // its caller's), the work goes on, and only the answer is abandoned.
        const callerGone = effect.onCallerGone;
        fiber.addCleanup(callerGone);
        this.start(
          new Fiber(effect.task, (value) => {
            fiber.removeCleanup(callerGone);
            if (!fiber.cancelled) this.resume(fiber, value);
          }, fiber.group),
        );
        return;
      }
      case 'wait': {
        effect.signal.subscribe((value) => {
          if (!fiber.cancelled) this.wake(fiber, value, 0);
        });
        return;
      }
      case 'acquire': {
        const { resource } = effect;
        const withdraw = resource.request(() => {
          fiber.removeCleanup(withdraw!);
          // Until the fiber resumes, the server is held on its behalf: a cancel in that instant gives it back.
          const giveBack = () => resource.release();
          fiber.addCleanup(giveBack);
          this.wake(fiber, undefined, 0, () => fiber.removeCleanup(giveBack));
        });
        if (withdraw) fiber.addCleanup(withdraw);
        else this.wake(fiber, undefined, 0);
        return;
      }
      case 'all': {
        const results: unknown[] = new Array(effect.tasks.length);
        let remaining = effect.tasks.length;
        if (remaining === 0) {
          this.wake(fiber, results, 0);
          return;
        }
        effect.tasks.forEach((task, index) => {
          const child = new Fiber(task, (value) => {
            results[index] = value;
            fiber.removeChild(child);
            remaining -= 1;
            if (remaining === 0 && !fiber.cancelled) this.resume(fiber, results);
          }, fiber.group);
          fiber.addChild(child);
          this.start(child);
        });
        return;
      }
      case 'deadline': {
        let settled = false;
        const child = new Fiber(effect.task, (value) => {
          fiber.removeChild(child);
          if (settled || fiber.cancelled) return;
          settled = true;
          fiber.removeChild(timer);
          timer.cancel();
          this.resume(fiber, { finished: true, value } satisfies DeadlineResult<unknown>);
        }, fiber.group);
        const timer = new Timer(() => {
          fiber.removeChild(timer);
          if (settled || fiber.cancelled) return;
          settled = true;
          child.cancel();
          fiber.removeChild(child);
          this.resume(fiber, { finished: false } satisfies DeadlineResult<unknown>);
        }, fiber.group, this.deadTimers);
        fiber.addChild(child);
        fiber.addChild(timer);
        this.start(child);
        this.setTimer(timer, effect.ms);
        return;
      }
    }
  }
}

/** Waits `ms` of simulated time. */
export function* sleep(ms: number): Task<void> {
  if (ms > 0) yield { type: 'sleep', ms };
}

/** Runs tasks side by side and returns their results in order once all have finished. */
export function* all<T>(tasks: readonly Task<T>[]): Task<T[]> {
  return (yield { type: 'all', tasks }) as T[];
}

/**
 * Runs a task against a deadline. If the deadline passes first, the task is abandoned where it
 * stands — as a client that stops waiting abandons a server that is still working.
 */
export function* withDeadline<T>(task: Task<T>, ms: number): Task<DeadlineResult<T>> {
  return (yield { type: 'deadline', task, ms }) as DeadlineResult<T>;
}

/**
 * Hands work to a server and waits for its answer. Unlike a child task, the work is not cancelled when
 * the caller stops waiting: a server does not know its client left (PostgreSQL runs a statement to the
 * end unless statement_timeout fires or the client sends a cancel request; an app keeps running its
 * handler after the proxy in front of it closed the connection). `onCallerGone` runs at that moment.
 */
export function* serve<T>(task: Task<T>, onCallerGone: () => void): Task<T> {
  return (yield { type: 'serve', task, onCallerGone }) as T;
}

/** Waits until the signal fires, and returns its value. */
export function* waitFor<T>(signal: Signal<T>): Task<T> {
  return (yield { type: 'wait', signal: signal as Signal<unknown> }) as T;
}

/** Starts a task that lives on after its parent moves on (a background revalidation). */
export function* fork(task: Task<unknown>): Task<void> {
  yield { type: 'fork', task };
}

/** Waits for a server of the resource, first come, first served. Pair it with `release()`, or use `holding`. */
export function* acquire(resource: Resource): Task<void> {
  yield { type: 'acquire', resource };
}

/** Runs a task while holding one server of the resource, and gives it back however the task ends. */
export function* holding<T>(resource: Resource, task: Task<T>): Task<T> {
  yield* acquire(resource);
  try {
    return yield* task;
  } finally {
    resource.release();
  }
}
