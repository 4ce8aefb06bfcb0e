/**
 * Request collapsing: while a cache tier fetches an object, later requests for it wait for that one fetch instead
 * of asking again (CloudFront Developer Guide, "Simultaneous requests for the same object (request collapsing)").
 */
import { Signal, type Task } from '../kernel/kernel';
import type { HttpResponse } from '../http';

/** The fetches under way, by cache key: what a later request for the same object waits for. */
export type InFlight = Map<string, Signal<HttpResponse | null>>;

/**
 * Fetches as the one request for this object, so that others arriving meanwhile wait for it. However the fetch ends
 * (answered, timed out, its visitor gone), they are told.
 */
export function* fetchShared(inFlight: InFlight, key: string, fetch: Task<HttpResponse | null>): Task<HttpResponse | null> {
  const fetched = new Signal<HttpResponse | null>();
  inFlight.set(key, fetched);
  let res: HttpResponse | null = null;
  try {
    res = yield* fetch;
  } finally {
    inFlight.delete(key);
    fetched.fire(res);
  }
  return res;
}
