import { describe, expect, it } from '@jest/globals';
import { TransactionIdIndex } from './transaction-id-index.js';

describe(TransactionIdIndex.name, () => {
  it('adds an id once and tells it apart from its prefixes and extensions', () => {
    const index = new TransactionIdIndex();
    expect([
      index.add('T1'),
      index.add('T10'),
      index.add('T1'),
      index.add('T'),
      index.add(''),
    ]).toEqual([true, true, false, true, true]);
    expect([index.size, index.add('T10'), index.add('T100')]).toEqual([4, false, true]);
  });

  it('agrees with a Set over 200 000 ids, through many rehashes', () => {
    const index = new TransactionIdIndex();
    const oracle = new Set<string>();
    let state = 1;
    let disagreements = 0;
    for (let step = 0; step < 200_000; step += 1) {
      state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
      const id = `ID-${state % 150_000}-é`;
      if (index.add(id) === oracle.has(id)) disagreements += 1;
      oracle.add(id);
    }
    expect(disagreements).toBe(0);
    expect(index.size).toBe(oracle.size);
    expect([...oracle].slice(0, 1000).every((id) => !index.add(id))).toBe(true);
    expect(index.size).toBe(oracle.size);
  });
});
