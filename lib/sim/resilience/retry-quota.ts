/**
 * The AWS SDK's standard retry quota: a bucket of retry tokens shared by every call one client makes. A retry
 * spends tokens and a success puts some back, so while a dependency keeps failing the client soon stops retrying
 * altogether, and retries cannot multiply an outage (AWS SDKs and Tools Reference Guide, "Retry behavior").
 *
 * Modelled: the pre-2026 standard mode of the AWS SDK for JavaScript v3, as `@aws-sdk/middleware-retry` implements
 * its quota (`defaultRetryQuota.ts`, with the constants of `@smithy/util-retry` 4.2.13, `constants.ts`): 500 tokens to
 * start (INITIAL_RETRY_TOKENS); a retry costs 5 (RETRY_COST), or 10 after a timeout (TIMEOUT_RETRY_COST, for a
 * `TimeoutError`); a success gives back what its last retry cost, or 1 (NO_RETRY_INCREMENT) when it needed none, up
 * to the 500 it started with. A retry the bucket cannot pay for is not made.
 * Newer SDKs change the costs: the 2026 retry behaviour (opt-in with AWS_NEW_RETRIES_2026=true, per the guide above;
 * `retries-2026-config.ts` in `@smithy/util-retry`) charges 14 a retry and 5 after throttling instead.
 */

export const RETRY_QUOTA_DEFAULTS = Object.freeze({
  initialRetryTokens: 500,
  retryCost: 5,
  timeoutRetryCost: 10,
  noRetryIncrement: 1,
});

export class RetryQuota {
  /** Tokens in the bucket now. */
  capacity: number = RETRY_QUOTA_DEFAULTS.initialRetryTokens;

  /** What a retry after this failure costs. */
  costOf(timedOut: boolean): number {
    return timedOut ? RETRY_QUOTA_DEFAULTS.timeoutRetryCost : RETRY_QUOTA_DEFAULTS.retryCost;
  }

  /** Pays for a retry if the bucket can (hasRetryTokens, then retrieveRetryTokens); false means no retry. */
  withdraw(cost: number): boolean {
    if (cost > this.capacity) return false;
    this.capacity -= cost;
    return true;
  }

  /** A success gives back its last retry's cost, or 1 when it needed none (releaseRetryTokens), up to the start. */
  release(lastRetryCost: number | null): void {
    this.capacity = Math.min(RETRY_QUOTA_DEFAULTS.initialRetryTokens, this.capacity + (lastRetryCost ?? RETRY_QUOTA_DEFAULTS.noRetryIncrement));
  }
}
