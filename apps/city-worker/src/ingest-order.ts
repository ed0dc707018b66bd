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
      settle(this.order.admit(waiting));
      this.expireWhenDue(waiting);
    });
  }

  /**
   * A held batch is looked at again once its wait is over, whether or not another batch comes,
   * and again until `Date.now()` says it is: a timer counts from the event loop's time, which
   * lags the clock by the work done since the loop last woke (a busy worker's timer fired while
   * the batch's wait was not over, and the batch then waited for ever).
   */
  private expireWhenDue(waiting: Waiting): void {
    if (this.order.findHeld((batch) => batch === waiting) === undefined) return;
    const dueInMs = waiting.atMs + this.waitMs + 1 - Date.now();
    setTimeout(
      () => {
        settle({ apply: [], refused: this.order.expire(Date.now()) });
        this.expireWhenDue(waiting);
      },
      Math.max(dueInMs, 1),
    ).unref();
  }
}

function settle({ apply, refused }: Admitted<Waiting>): void {
  for (const { batch, error } of refused) batch.fail(error);
  for (const batch of apply) batch.run();
}
