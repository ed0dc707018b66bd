import { describe, expect, it } from '@jest/globals';
import { FreshCall } from './fresh-call.js';

/** A call whose answers the test gives by hand, in order. */
function manualCall(): {
  fresh: FreshCall<number>;
  started: () => number;
  answer: (value: number) => void;
  fail: () => void;
} {
  const pending: { resolve: (value: number) => void; reject: (error: Error) => void }[] = [];
  let started = 0;
  const fresh = new FreshCall(
    () =>
      new Promise<number>((resolve, reject) => {
        started += 1;
        pending.push({ resolve, reject });
      }),
  );
  return {
    fresh,
    started: () => started,
    answer: (value) => pending.shift()?.resolve(value),
    fail: () => pending.shift()?.reject(new Error('down')),
  };
}

const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe(FreshCall.name, () => {
  it('serves the askers who came during a call with one next call, never with the running one', async () => {
    const { fresh, started, answer } = manualCall();
    const first = fresh.ask();
    const late = [fresh.ask(), fresh.ask(), fresh.ask()];
    expect(started()).toBe(1);
    answer(1);
    expect(await first).toBe(1);
    await tick();
    expect(started()).toBe(2);
    answer(2);
    expect(await Promise.all(late)).toEqual([2, 2, 2]);
  });

  it('starts afresh once every call has ended', async () => {
    const { fresh, started, answer } = manualCall();
    const first = fresh.ask();
    answer(1);
    await first;
    const second = fresh.ask();
    expect(started()).toBe(2);
    answer(2);
    expect(await second).toBe(2);
  });

  it('passes a failure to its askers only, and the next askers get a new call', async () => {
    const { fresh, started, answer, fail } = manualCall();
    const first = fresh.ask();
    const late = fresh.ask();
    fail();
    await expect(first).rejects.toThrow('down');
    await tick();
    expect(started()).toBe(2);
    answer(3);
    expect(await late).toBe(3);
  });
});
