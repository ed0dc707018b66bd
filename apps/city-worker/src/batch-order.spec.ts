import { describe, expect, it } from '@jest/globals';
import { BatchOrder, type Arrival } from './batch-order.js';

interface Entry extends Arrival {
  readonly seq: number;
}

/** Entry `seq` of a stream, stored at `atMs`: batch `sequence` of import `session`. */
function batch(seq: number, atMs: number, session: string, sequence: number): Entry {
  return { seq, atMs, order: { session, sequence } };
}

/** Feeds the entries in stream order; the order they are applied in, and those refused. */
function run(
  sut: BatchOrder<Entry>,
  entries: readonly Entry[],
): { applied: number[]; refused: number[] } {
  const applied: number[] = [];
  const refused: number[] = [];
  for (const entry of entries) {
    const admitted = sut.admit(entry);
    applied.push(...admitted.apply.map(({ seq }) => seq));
    refused.push(...admitted.refused.map(({ batch: { seq } }) => seq));
  }
  return { applied, refused };
}

describe(BatchOrder.name, () => {
  it("applies an import's batches in sequence order whatever order they were appended in", () => {
    // Stream entries 1..4 hold batches 2, 0, 3, 1 of one import (two replicas appended them).
    const stream = [
      batch(1, 0, 's', 2),
      batch(2, 1, 's', 0),
      batch(3, 2, 's', 3),
      batch(4, 3, 's', 1),
    ];
    expect(run(new BatchOrder(1000), stream)).toEqual({ applied: [2, 4, 1, 3], refused: [] });
  });

  it('decides the same on a replica that applies the stream later: only the arrival times count', () => {
    // Batch 1 of `s` never comes; an entry stored 2 s after batch 2 closes the gap for good.
    const stream = [
      batch(1, 0, 's', 0),
      batch(2, 100, 's', 2),
      batch(3, 500, 'other', 0),
      batch(4, 2200, 'other', 1),
      batch(5, 2300, 's', 1),
      batch(6, 2400, 's', 3),
    ];
    const first = run(new BatchOrder(2000), stream);
    expect(first).toEqual({ applied: [1, 3, 4], refused: [2, 5, 6] });
    expect(run(new BatchOrder(2000), stream)).toEqual(first);
  });

  it('refuses a batch that comes twice (appended again after the dedup window)', () => {
    const sut = new BatchOrder<Entry>(1000);
    const refused = [batch(1, 0, 's', 0), batch(2, 10, 's', 1), batch(3, 20, 's', 1)].flatMap(
      (entry) => sut.admit(entry).refused,
    );
    expect(refused.map(({ batch: { seq }, error }) => [seq, error.code])).toEqual([
      [3, 'INVALID_BATCH'],
    ]);
  });

  it('applies a batch without order at once, and tells which batch it holds', () => {
    const sut = new BatchOrder<Entry>(1000);
    const unordered: Entry = { seq: 2, atMs: 5, order: undefined };
    expect(run(sut, [batch(1, 0, 's', 1), unordered])).toEqual({ applied: [2], refused: [] });
    expect([1, 2].map((seq) => sut.findHeld((held) => held.seq === seq)?.seq)).toEqual([
      1,
      undefined,
    ]);
    // While a batch is held the store is no state of the stream: no state to snapshot.
    expect(sut.state()).toBeUndefined();
    // With no later arrival, expire() at the right time refuses the held one.
    expect(sut.expire(1000).map(({ batch: { seq } }) => seq)).toEqual([]);
    expect(sut.expire(1001).map(({ batch: { seq } }) => seq)).toEqual([1]);
    const state = sut.state();
    expect(state).toEqual([
      { id: 's', next: 0, lastAtMs: 0, failed: expect.stringContaining('batch 0') },
    ]);
    // A sequencer restored from it refuses the rest of that import as this one does.
    const restored = new BatchOrder<Entry>(1000, state);
    expect(restored.admit(batch(3, 1100, 's', 0)).refused).toHaveLength(1);
  });
});
