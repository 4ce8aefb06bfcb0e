/**
 * The app's database connection pool. A connection carries one statement at a time, so it stays busy until the
 * database's answer comes back, even when the app has stopped waiting for it: a client-side timeout abandons the
 * answer, and the statement runs on (see `serve` in the kernel). That is how abandoned queries use up a pool.
 */
import type { Resource } from './kernel/kernel';

/** One borrowed connection: given back once, by whoever finishes with it last. */
export interface Lease {
  /** A statement is on the wire or running: the connection is the server's until its answer arrives. */
  withServer: boolean;
  release(): void;
}

export function leaseFrom(pool: Resource): Lease {
  let held = true;
  return {
    withServer: false,
    release() {
      if (!held) return;
      held = false;
      pool.release();
    },
  };
}
