import { describe, expect, it } from '@jest/globals';
import { GroupCommit } from './group-commit.js';

/** A sync that finishes when the test says so, counting how many began. */
function manualSync(): { sync: () => Promise<void>; began: number; finish: () => void } {
  const pending: (() => void)[] = [];
  const state = {
    began: 0,
    sync: (): Promise<void> =>
      new Promise<void>((resolve) => {
        state.began += 1;
        pending.push(resolve);
      }),
    finish: (): void => {
      pending.shift()?.();
    },
  };
  return state;
}

const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe(GroupCommit.name, () => {
  it('serves every commit made during a sync with one more sync, and resolves none before its own', async () => {
    const disk = manualSync();
    const sut = new GroupCommit(disk.sync);
    const done: string[] = [];
    void sut.commit().then(() => done.push('first'));
    // Written while the first sync runs: that sync may not cover them.
    for (const name of ['a', 'b', 'c']) void sut.commit().then(() => done.push(name));
    await turn();
    expect(disk.began).toBe(1);
    disk.finish();
    await turn();
    expect(done).toEqual(['first']);
    expect(disk.began).toBe(2);
    disk.finish();
    await turn();
    expect(done).toEqual(['first', 'a', 'b', 'c']);
    expect(disk.began).toBe(2);
  });

  it('rejects the commits a failed sync covered, and the next commit syncs again', async () => {
    let fail = true;
    let syncs = 0;
    const sut = new GroupCommit(() => {
      syncs += 1;
      return fail ? Promise.reject(new Error('EIO')) : Promise.resolve();
    });
    await expect(sut.commit()).rejects.toThrow('EIO');
    fail = false;
    await expect(sut.commit()).resolves.toBeUndefined();
    expect(syncs).toBe(2);
    await sut.idle();
  });
});
