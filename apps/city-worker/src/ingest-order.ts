import { DomainError, ErrorCode } from '#domain/model';
import { INGEST_ORDER_WAIT_MS, type IngestOrder } from '#contracts';

interface Waiting {
  readonly run: () => void;
  readonly fail: (error: Error) => void;
  readonly timer: NodeJS.Timeout;
}

interface Session {
  next: number;
  readonly waiting: Map<number, Waiting>;
  /** Set once a batch was taken as lost: nothing more of this import is applied. */
  failed: DomainError | undefined;
  lastUsed: number;
}

/** A session silent this long is forgotten (an import whose gateway went away). */
const FORGET_AFTER_MS = 10 * 60_000;

/**
 * Applies each import's batches in their `sequence` order, whatever order they arrive in: a batch
 * ahead of its turn waits for the ones before it, at most `waitMs`; a gap that does not fill in
 * that time fails the waiting batch and every later one of the import (never applied out of order).
 */
export class IngestSequencer {
  private readonly sessions = new Map<string, Session>();

  constructor(private readonly waitMs = INGEST_ORDER_WAIT_MS) {}

  /** Runs `apply` in the batch's turn; a batch without order runs at once. */
  inTurn<T>(order: IngestOrder | undefined, apply: () => T): Promise<T> {
    if (order === undefined) return Promise.resolve().then(apply);
    const session = this.session(order.session);
    if (session.failed !== undefined) return Promise.reject(session.failed);
    const { sequence } = order;
    if (
      !Number.isSafeInteger(sequence) ||
      sequence < session.next ||
      session.waiting.has(sequence)
    ) {
      return Promise.reject(
        new DomainError(
          ErrorCode.InvalidBatch,
          `batch ${String(sequence)} of import ${order.session} was already received`,
        ),
      );
    }
    return new Promise<T>((resolve, reject) => {
      const run = (): void => {
        try {
          resolve(apply());
        } catch (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
        } finally {
          this.advance(session);
        }
      };
      if (sequence === session.next) {
        run();
        return;
      }
      const timer = setTimeout(() => {
        this.fail(order.session, session);
      }, this.waitMs);
      timer.unref();
      session.waiting.set(sequence, { run, fail: reject, timer });
    });
  }

  private session(id: string): Session {
    const now = Date.now();
    let session = this.sessions.get(id);
    if (session === undefined) {
      for (const [other, { lastUsed, waiting }] of this.sessions) {
        if (waiting.size === 0 && now - lastUsed > FORGET_AFTER_MS) this.sessions.delete(other);
      }
      session = { next: 0, waiting: new Map(), failed: undefined, lastUsed: now };
      this.sessions.set(id, session);
    }
    session.lastUsed = now;
    return session;
  }

  private advance(session: Session): void {
    session.next += 1;
    const waiting = session.waiting.get(session.next);
    if (waiting === undefined) return;
    session.waiting.delete(session.next);
    clearTimeout(waiting.timer);
    waiting.run();
  }

  private fail(id: string, session: Session): void {
    session.failed = new DomainError(
      ErrorCode.InvalidBatch,
      `batch ${session.next} of import ${id} did not arrive within ${this.waitMs} ms: it and the later batches of that import are not applied`,
    );
    for (const waiting of session.waiting.values()) {
      clearTimeout(waiting.timer);
      waiting.fail(session.failed);
    }
    session.waiting.clear();
  }
}
