import { describe, expect, it } from 'vitest';
import { retryPolicySchema } from './model.js';
import { backoffDelay } from './retry-policy.js';

describe('backoffDelay', () => {
  it('grows by the factor after each failed attempt', () => {
    const policy = retryPolicySchema.parse({ delayMs: 100, factor: 3, maxDelayMs: 100_000 });
    expect([1, 2, 3, 4].map((attempt) => backoffDelay(policy, attempt))).toEqual([100, 300, 900, 2700]);
  });

  it('never waits longer than maxDelayMs', () => {
    const policy = retryPolicySchema.parse({ delayMs: 1000, factor: 10, maxDelayMs: 5000 });
    expect(backoffDelay(policy, 2)).toBe(5000);
    expect(backoffDelay(policy, 500)).toBe(5000);
  });

  it('waits a constant delay with factor 1', () => {
    const policy = retryPolicySchema.parse({ delayMs: 250, factor: 1 });
    expect(backoffDelay(policy, 1)).toBe(250);
    expect(backoffDelay(policy, 7)).toBe(250);
  });
});
