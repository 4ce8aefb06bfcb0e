/**
 * What the app's handler does for each method: the method's meaning (RFC 9110 §9.3) made concrete on one
 * resource, order 9001 of user 42. Each operation says whether repeating it is harmless *because of how it
 * is written*: PUT is an upsert by key and DELETE of a missing row deletes nothing, so both are idempotent;
 * POST is a plain INSERT and PATCH an increment, so a repeat writes twice.
 */
import type { HttpMethod } from '@/lib/scenario/schema';

export type OperationKind = 'read' | 'preflight' | 'create' | 'replace' | 'update' | 'delete';

export interface Operation {
  kind: OperationKind;
  method: HttpMethod;
  /** Whether the handler writes to the database. */
  writes: boolean;
  /** Whether running the write twice leaves the same state as running it once. */
  repeatable: boolean;
  /** Why, in a sentence the narration can use. */
  why: string;
  /** What the app asks the payments API, if anything. */
  payments: 'read' | 'charge' | null;
  /** The status of a successful answer (RFC 9110 §15.3). */
  successStatus: number;
}

export const OPERATIONS: Readonly<Record<HttpMethod, Operation>> = {
  GET: { kind: 'read', method: 'GET', writes: false, repeatable: true, why: 'a read changes nothing', payments: 'read', successStatus: 200 },
  HEAD: { kind: 'read', method: 'HEAD', writes: false, repeatable: true, why: 'a read changes nothing', payments: 'read', successStatus: 200 },
  OPTIONS: {
    kind: 'preflight',
    method: 'OPTIONS',
    writes: false,
    repeatable: true,
    why: 'a CORS preflight only asks what is allowed',
    payments: null,
    successStatus: 204,
  },
  POST: {
    kind: 'create',
    method: 'POST',
    writes: true,
    repeatable: false,
    why: 'each one creates another order',
    payments: 'charge',
    // 201 Created with a Location header (RFC 9110 §15.3.2).
    successStatus: 201,
  },
  PUT: {
    kind: 'replace',
    method: 'PUT',
    writes: true,
    repeatable: true,
    why: 'the handler upserts order 9001 by its key, so a repeat leaves one order',
    payments: null,
    successStatus: 200,
  },
  PATCH: {
    kind: 'update',
    method: 'PATCH',
    writes: true,
    repeatable: false,
    why: 'the handler adds one to the quantity, so a repeat adds two',
    payments: null,
    successStatus: 200,
  },
  DELETE: {
    kind: 'delete',
    method: 'DELETE',
    writes: true,
    repeatable: true,
    why: 'deleting an order that is already gone deletes nothing',
    payments: null,
    // 204 No Content: the deletion succeeded and there is nothing to send (RFC 9110 §9.3.5, §15.3.5).
    successStatus: 204,
  },
};
