import { describe, expect, it } from 'vitest';
import { RETRY_QUOTA_DEFAULTS, RetryQuota } from './retry-quota';

describe("the AWS SDK's standard retry quota", () => {
  it('has the SDK’s constants: 500 tokens, 5 a retry, 10 after a timeout, 1 back for a success without retries', () => {
    expect(RETRY_QUOTA_DEFAULTS).toEqual({ initialRetryTokens: 500, retryCost: 5, timeoutRetryCost: 10, noRetryIncrement: 1 });
    const quota = new RetryQuota();
    expect([quota.capacity, quota.costOf(false), quota.costOf(true)]).toEqual([500, 5, 10]);
  });

  it('pays for 100 retries at 5, or 50 after timeouts, and no more', () => {
    const plain = new RetryQuota();
    expect(Array.from({ length: 101 }, () => plain.withdraw(5)).filter(Boolean)).toHaveLength(100);
    const timeouts = new RetryQuota();
    expect(Array.from({ length: 51 }, () => timeouts.withdraw(10)).filter(Boolean)).toHaveLength(50);
    // Five tokens left pay for a plain retry, not for one after a timeout.
    const low = new RetryQuota();
    low.capacity = 5;
    expect([low.withdraw(10), low.withdraw(5), low.capacity]).toEqual([false, true, 0]);
  });

  it('gives back the last retry’s cost on a success, 1 without a retry, never above 500', () => {
    const quota = new RetryQuota();
    quota.withdraw(10);
    quota.withdraw(5);
    quota.release(5);
    expect(quota.capacity).toBe(490);
    quota.release(null);
    expect(quota.capacity).toBe(491);
    for (let i = 0; i < 20; i++) quota.release(null);
    expect(quota.capacity).toBe(500);
  });
});
