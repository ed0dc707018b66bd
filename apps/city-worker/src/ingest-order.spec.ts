import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { IngestSequencer } from './ingest-order.js';

describe(IngestSequencer.name, () => {
  it("applies an import's batches in sequence order whatever order they arrive in", async () => {
    const sut = new IngestSequencer(1000);
    const applied: number[] = [];
    const arrivals = [2, 0, 3, 1].map((sequence) =>
      sut.inTurn({ session: 'import-1', sequence }, () => {
        applied.push(sequence);
        return sequence;
      }),
    );
    await expect(Promise.all(arrivals)).resolves.toEqual([2, 0, 3, 1]);
    expect(applied).toEqual([0, 1, 2, 3]);
  });

  it('keeps imports apart and applies a batch without order at once', async () => {
    const sut = new IngestSequencer(1000);
    const applied: string[] = [];
    const late = sut.inTurn({ session: 'b', sequence: 1 }, () => applied.push('b1'));
    await sut.inTurn({ session: 'a', sequence: 0 }, () => applied.push('a0'));
    await sut.inTurn(undefined, () => applied.push('unordered'));
    await sut.inTurn({ session: 'b', sequence: 0 }, () => applied.push('b0'));
    await late;
    expect(applied).toEqual(['a0', 'unordered', 'b0', 'b1']);
  });

  it('goes on after a batch whose apply failed: its place is taken', async () => {
    const sut = new IngestSequencer(1000);
    await expect(
      sut.inTurn({ session: 's', sequence: 0 }, () => {
        throw new Error('lone surrogate');
      }),
    ).rejects.toThrow('lone surrogate');
    await expect(sut.inTurn({ session: 's', sequence: 1 }, () => 'applied')).resolves.toBe(
      'applied',
    );
  });

  it('refuses a batch received twice, and never applies a later batch once an earlier one is lost', async () => {
    const sut = new IngestSequencer(50);
    await sut.inTurn({ session: 's', sequence: 0 }, () => undefined);
    await expect(sut.inTurn({ session: 's', sequence: 0 }, () => undefined)).rejects.toMatchObject({
      code: 'INVALID_BATCH',
    });
    const applied: number[] = [];
    // Batch 1 never arrives: 2 waits, then fails; 1 arriving late and 3 are refused too.
    await expect(
      sut.inTurn({ session: 's', sequence: 2 }, () => applied.push(2)),
    ).rejects.toMatchObject({ code: 'INVALID_BATCH', message: expect.stringContaining('batch 1') });
    await expect(
      sut.inTurn({ session: 's', sequence: 1 }, () => applied.push(1)),
    ).rejects.toMatchObject({ code: 'INVALID_BATCH' });
    await expect(
      sut.inTurn({ session: 's', sequence: 3 }, () => applied.push(3)),
    ).rejects.toMatchObject({ code: 'INVALID_BATCH' });
    expect(applied).toEqual([]);
  });

  describe('on a busy event loop', () => {
    afterEach(() => {
      jest.useRealTimers();
      jest.restoreAllMocks();
    });

    it('refuses a held batch once its wait is over, though its timer fired early by the clock', async () => {
      jest.useFakeTimers({ now: 1_000 });
      // The batch arrives when the clock says 1 030, its timer counts from the loop's 1 000.
      jest.spyOn(Date, 'now').mockReturnValueOnce(1_030);
      const sut = new IngestSequencer(50);
      const outcome: unknown[] = [];
      void sut
        .inTurn({ session: 's', sequence: 1 }, () => 'applied')
        .catch((error: unknown) => {
          outcome.push(error);
        });
      await jest.advanceTimersByTimeAsync(1_000);
      expect(outcome).toEqual([
        expect.objectContaining({
          code: 'INVALID_BATCH',
          message: expect.stringContaining('batch 0'),
        }),
      ]);
    });
  });
});
