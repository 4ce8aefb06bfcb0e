/**
 * Side effects, counted: what the database committed and what the payments API charged for this one click,
 * including the work that went on after its caller stopped waiting. A retry that repeats a write shows up
 * here as a duplicate; an Idempotency-Key that the server keeps makes the repeat a replay instead.
 */
import type { Signal } from './kernel/kernel';

/** What the app stored with an Idempotency-Key: the response to give any repeat (IETF httpapi draft, §2.6). */
export interface StoredResult {
  status: number;
  body: string;
  /** The row the first request created, so a repeat can resume where the first left off. */
  orderId?: number;
}

export interface Ledger {
  /** Write transactions the database committed. */
  writesCommitted: number;
  /** Commits whose effect repeated one already made (a second INSERT of the same order, a second increment). */
  duplicateWrites: number;
  /** Charges the payments API made. */
  chargesMade: number;
  /** Charges beyond the first. */
  duplicateCharges: number;
  /** How many times each kind of change has been applied, to tell a duplicate from a first effect. */
  readonly applied: Map<string, number>;
  /** Idempotency keys the app's database holds, with the result to replay. */
  readonly appKeys: Map<string, StoredResult>;
  /** Keys inserted by a transaction that has not committed yet; a second insert waits on the unique index. */
  readonly appKeysInFlight: Map<string, Signal<StoredResult | null>>;
  /** Keys the payments API has seen: in progress, or done with the response it saved. */
  readonly paymentKeys: Map<string, 'in-progress' | StoredResult>;
  /** The competing transaction of a deadlock or write conflict commits after the first clash. */
  competitorCommitted: boolean;
}

export function createLedger(): Ledger {
  return {
    writesCommitted: 0,
    duplicateWrites: 0,
    chargesMade: 0,
    duplicateCharges: 0,
    applied: new Map(),
    appKeys: new Map(),
    appKeysInFlight: new Map(),
    paymentKeys: new Map(),
    competitorCommitted: false,
  };
}

/**
 * Records a committed write. `effect` names what it changes; `repeatable` says whether applying it again
 * changes nothing more (an upsert by key, a delete), so a repeat is not a duplicate.
 */
export function commitWrite(ledger: Ledger, effect: string, repeatable: boolean): { duplicate: boolean } {
  ledger.writesCommitted += 1;
  const before = ledger.applied.get(effect) ?? 0;
  ledger.applied.set(effect, before + 1);
  const duplicate = before > 0 && !repeatable;
  if (duplicate) ledger.duplicateWrites += 1;
  return { duplicate };
}

export function recordCharge(ledger: Ledger): { duplicate: boolean } {
  ledger.chargesMade += 1;
  const duplicate = ledger.chargesMade > 1;
  if (duplicate) ledger.duplicateCharges += 1;
  return { duplicate };
}
