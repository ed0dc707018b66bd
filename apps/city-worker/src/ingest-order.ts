import { INGEST_ORDER_WAIT_MS, type IngestOrder } from '#contracts';
import { BatchOrder, type Admitted, type Arrival } from './batch-order.js';

interface Waiting extends Arrival {
  readonly run: () => void;
  readonly fail: (error: Error) => void;
}

/**
 * A sole worker's {@link BatchOrder} on its own clock: applies each import's batches in their
 * `sequence` order, whatever order they arrive in; a gap that does not fill within `waitMs`
 * fails the waiting batch and every later one of the import (never applied out of order).
 */
export class IngestSequencer {
  private readonly order: BatchOrder<Waiting>;

  constructor(private readonly waitMs = INGEST_ORDER_WAIT_MS) {
    this.order = new BatchOrder(waitMs);
  }

  /** Runs `apply` in the batch's turn; a batch without order runs at once. */
  inTurn<T>(order: IngestOrder | undefined, apply: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const waiting: Waiting = {
        order,
        atMs: Date.now(),
        run: () => {
          try {
            resolve(apply());
          } catch (error) {
            reject(error instanceof Error ? error : new Error(String(error)));
          }
        },
        fail: reject,
      };
      const admitted = this.order.admit(waiting);
      settle(admitted);
      if (!this.order.holds((batch) => batch === waiting)) return;
      // Held: looked at again once its wait is over, whether or not another batch comes.
      setTimeout(() => {
        settle({ apply: [], refused: this.order.expire(Date.now()) });
      }, this.waitMs + 1).unref();
    });
  }
}

function settle({ apply, refused }: Admitted<Waiting>): void {
  for (const { batch, error } of refused) batch.fail(error);
  for (const batch of apply) batch.run();
}
