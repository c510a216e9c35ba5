import { describe, expect, it } from 'vitest';
import { testLogger } from '../../../../test/support/test-env.js';
import { settleWindowMs, startReconciler } from './reconciler.js';

const until = async (check: () => boolean) => {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
};

describe('startReconciler', () => {
  it('runs every job at once and then periodically, and keeps going after a job fails', async () => {
    // given a job that fails on its first run, and one that counts
    const runs = { failing: 0, counting: 0 };
    const stop = startReconciler(
      {
        failing: async () => {
          if (runs.failing++ === 0) throw new Error('engine unreachable');
        },
        counting: async () => void runs.counting++,
      },
      { intervalMs: 20, logger: testLogger() },
    );

    // when
    await until(() => runs.counting >= 3);
    await stop();

    // then both jobs ran each time, the failure notwithstanding
    expect(runs.counting).toBeGreaterThanOrEqual(3);
    expect(runs.failing).toBe(runs.counting);
  });

  it('waits for a run in progress when stopped, and starts no other', async () => {
    // given a slow job
    let finished = 0;
    const stop = startReconciler({ slow: () => new Promise((resolve) => setTimeout(() => resolve(finished++), 50)) }, { intervalMs: 1, logger: testLogger() });
    await new Promise((resolve) => setTimeout(resolve, 10));

    // when
    await stop();
    const atStop = finished;
    await new Promise((resolve) => setTimeout(resolve, 60));

    // then
    expect(atStop).toBe(1);
    expect(finished).toBe(1);
  });
});

describe('settleWindowMs', () => {
  it('outlasts a request that waits on a write and a read with its retries, and is at least a minute', () => {
    expect(settleWindowMs(10_000, 2)).toBe(60_000);
    expect(settleWindowMs(30_000, 2)).toBe(150_000);
  });
});
