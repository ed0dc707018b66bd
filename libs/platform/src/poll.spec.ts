import { describe, expect, it } from '@jest/globals';
import { retrying } from './poll.js';

/** An attempt that fails `failures` times, then answers how many calls it took. */
function flaky(failures: number, error = new Error('no answer')): () => Promise<number> {
  let calls = 0;
  return () => {
    calls += 1;
    return calls > failures ? Promise.resolve(calls) : Promise.reject(error);
  };
}

describe(retrying.name, () => {
  it('tries again while the attempt throws, telling each error, and answers its result', async () => {
    const told: unknown[] = [];
    const result = await retrying(flaky(2), { forMs: 5000, onRetry: (e) => told.push(e) });
    expect([result, told.length]).toEqual([3, 2]);
  });

  it('throws the last error once its time is over', async () => {
    await expect(retrying(flaky(Infinity), { forMs: 250 })).rejects.toThrow('no answer');
  });

  it('throws at once an error it is told is final', async () => {
    const final = new Error('not enabled');
    const told: unknown[] = [];
    await expect(
      retrying(flaky(1, final), {
        forMs: 5000,
        isFinal: (error) => error === final,
        onRetry: (e) => told.push(e),
      }),
    ).rejects.toBe(final);
    expect(told).toEqual([]);
  });
});
