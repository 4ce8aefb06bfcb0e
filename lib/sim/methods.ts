/**
 * What each HTTP method promises, as RFC 9110 §9.2 defines it. Three properties, each with its own consequence:
 * - safe (§9.2.1): the client asks for no change, so the server must not change state for it;
 * - idempotent (§9.2.2): repeating the request has the same effect as sending it once, so a client may
 *   retry it after a failure without knowing whether the first one took effect;
 * - cacheable (§9.2.3): a cache may store the response. CloudFront stores GET and HEAD responses
 *   (and OPTIONS only when a behaviour is set to); nothing else.
 * The promise of idempotency is kept by the server's code: a PUT handler that INSERTs instead of upserting
 * breaks it. Whether an app may retry its own work therefore follows from what its handler does
 * (`lib/sim/app/operations.ts`), not from the method's name alone.
 */
import type { HttpMethod } from '@/lib/scenario/schema';

export interface MethodSemantics {
  safe: boolean;
  idempotent: boolean;
  cacheable: boolean;
}

export const METHOD_SEMANTICS: Readonly<Record<HttpMethod, MethodSemantics>> = {
  GET: { safe: true, idempotent: true, cacheable: true },
  HEAD: { safe: true, idempotent: true, cacheable: true },
  OPTIONS: { safe: true, idempotent: true, cacheable: false },
  PUT: { safe: false, idempotent: true, cacheable: false },
  DELETE: { safe: false, idempotent: true, cacheable: false },
  POST: { safe: false, idempotent: false, cacheable: false },
  PATCH: { safe: false, idempotent: false, cacheable: false },
};

/**
 * Whether a client that knows only the request may repeat it: an idempotent method, or any request carrying
 * an Idempotency-Key, which asks the server to answer a repeat with the first result (IETF httpapi draft
 * "The Idempotency-Key HTTP Header Field", §2).
 */
export function clientMayRepeat(method: HttpMethod, hasIdempotencyKey: boolean): boolean {
  return METHOD_SEMANTICS[method].idempotent || hasIdempotencyKey;
}

/** Methods that carry the learner's payload in the body rather than the query string. */
export function carriesBody(method: HttpMethod): boolean {
  return method === 'POST' || method === 'PUT' || method === 'PATCH';
}
