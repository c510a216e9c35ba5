import { describe, expect, it } from 'vitest';
import { pollBackoff, retriesAfterFailure, retryDelay } from './retry-policy.js';
import type { RetryPolicy } from './topic-handler.js';

const policy: RetryPolicy = { attempts: 4, baseDelayMs: 1000, maxDelayMs: 5000 };

describe('retriesAfterFailure', () => {
  it.each([
    { reported: null, expected: 3, when: 'the first failure (engine reports null)' },
    { reported: 3, expected: 2, when: 'a failure with 3 retries left' },
    { reported: 2, expected: 1, when: 'a failure with 2 retries left' },
    { reported: 1, expected: 0, when: 'a failure with 1 retry left' },
    { reported: 0, expected: 0, when: 'a failure with none left' },
  ])('leaves $expected retries after $when', ({ reported, expected }) => {
    // given a policy of 4 attempts
    // when
    const left = retriesAfterFailure(reported, policy);
    // then
    expect(left).toBe(expected);
  });

  it('never goes below 0, even for a policy of a single attempt', () => {
    // given
    const once: RetryPolicy = { ...policy, attempts: 1 };
    // when
    const left = retriesAfterFailure(null, once);
    // then
    expect(left).toBe(0);
  });

  it('counts down to 0 in attempts - 1 failures', () => {
    // given
    const sequence: number[] = [];
    let reported: number | null = null;
    // when failing until no retries are left
    do {
      reported = retriesAfterFailure(reported, policy);
      sequence.push(reported);
    } while (reported > 0);
    // then
    expect(sequence).toEqual([3, 2, 1, 0]);
  });
});

describe('retryDelay', () => {
  it.each([
    { failure: 1, retriesLeft: 4, expected: 1000 },
    { failure: 2, retriesLeft: 3, expected: 2000 },
    { failure: 3, retriesLeft: 2, expected: 4000 },
    { failure: 4, retriesLeft: 1, expected: 5000 },
  ])('waits $expected ms after failure $failure, doubling and capped at maxDelayMs', ({ retriesLeft, expected }) => {
    // given attempts 5, base 1000, max 5000
    const five: RetryPolicy = { attempts: 5, baseDelayMs: 1000, maxDelayMs: 5000 };
    // when
    const delay = retryDelay(retriesLeft, five);
    // then
    expect(delay).toBe(expected);
  });

  it('follows retriesAfterFailure through a whole run of failures', () => {
    // given
    const five: RetryPolicy = { attempts: 5, baseDelayMs: 1000, maxDelayMs: 5000 };
    const delays: number[] = [];
    let reported: number | null = null;
    // when
    for (let failure = 1; failure <= 4; failure++) {
      reported = retriesAfterFailure(reported, five);
      delays.push(retryDelay(reported, five));
    }
    // then
    expect(delays).toEqual([1000, 2000, 4000, 5000]);
  });

  it('waits the base delay when retries left exceed the policy', () => {
    // given the engine reports more retries than this policy allows (e.g. after an operator raised them)
    // when
    const delay = retryDelay(10, policy);
    // then
    expect(delay).toBe(policy.baseDelayMs);
  });
});

describe('pollBackoff', () => {
  const middle = () => 0.5;
  const lowest = () => 0;
  const highest = () => 1;

  it.each([
    { errors: 0, expected: 1000 },
    { errors: 1, expected: 1000 },
    { errors: 2, expected: 2000 },
    { errors: 3, expected: 4000 },
    { errors: 5, expected: 16_000 },
    { errors: 6, expected: 30_000 },
    { errors: 50, expected: 30_000 },
  ])('waits about $expected ms after $errors consecutive errors', ({ errors, expected }) => {
    // given a random function at the middle of the jitter
    // when
    const wait = pollBackoff(errors, middle);
    // then
    expect(wait).toBe(expected);
  });

  it.each([
    { errors: 1, low: 800, high: 1200 },
    { errors: 100, low: 24_000, high: 36_000 },
  ])('keeps the wait after $errors errors within ±20 % jitter', ({ errors, low, high }) => {
    // given the extreme random values
    // when
    const waits = [pollBackoff(errors, lowest), pollBackoff(errors, highest)];
    // then
    expect(waits).toEqual([low, high]);
  });
});
