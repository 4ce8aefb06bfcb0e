import { describe, expect, it } from 'vitest';
import { BULKHEAD_DEFAULTS, SemaphoreBulkhead } from './bulkhead';

describe("resilience4j's semaphore bulkhead", () => {
  it('has BulkheadConfig’s defaults: 25 calls at once, no wait', () => {
    expect(BULKHEAD_DEFAULTS).toEqual({ maxConcurrentCalls: 25, maxWaitDurationMs: 0 });
    expect(new SemaphoreBulkhead().maxConcurrentCalls).toBe(25);
  });

  it('rejects the call over the limit at once, and takes one again when a permit comes back', () => {
    const bulkhead = new SemaphoreBulkhead();
    expect(Array.from({ length: 25 }, () => bulkhead.tryAcquire()).every(Boolean)).toBe(true);
    expect(bulkhead.tryAcquire()).toBe(false);
    expect(bulkhead.refusal()).toBe('BulkheadFullException: Bulkhead is full and does not permit further calls (25/25 in flight, maxWaitDuration 0)');
    bulkhead.release();
    expect([bulkhead.tryAcquire(), bulkhead.tryAcquire()]).toEqual([true, false]);
  });
});
