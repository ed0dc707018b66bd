import { DomainError, ErrorCode } from '#domain/model';
import { INGEST_ORDER_WAIT_MS, type IngestOrder } from '#contracts';

/** A batch as it arrives: its place in its import (none: applied as it comes), and when. */
export interface Arrival {
  readonly order: IngestOrder | undefined;
  readonly atMs: number;
}

/** A batch that will never be applied, and why. */
export interface Refusal<T> {
  readonly batch: T;
  readonly error: DomainError;
}

/** What one arrival decides: the batches to apply now, in order, and those never applied. */
export interface Admitted<T> {
  readonly apply: readonly T[];
  readonly refused: readonly Refusal<T>[];
}

interface Session<T> {
  next: number;
  readonly held: Map<number, T>;
  failed: DomainError | undefined;
  lastAtMs: number;
}

/**
 * Where an import stands, held batches aside: what a replica's snapshot keeps, so that a replica
 * restarted from it goes on with an import begun before it as the others do.
 */
export interface SessionState {
  readonly id: string;
  readonly next: number;
  readonly lastAtMs: number;
  /** Why the rest of the import is refused, once it is. */
  readonly failed?: string;
}

/** A session whose last entry is this much older than the stream's newest is forgotten. */
const FORGET_AFTER_MS = 10 * 60_000;

/**
 * An import's batches in their `sequence` order (0, 1, 2… per session), whatever order they
 * arrive in, decided from the arrivals' own times alone: a batch ahead of its turn is held; once
 * a batch arrives (or {@link expire} is called) `waitMs` after the oldest held one of an import
 * and the gap is still open, the held batches and every later one of that import are refused,
 * never applied out of order. A sole worker feeds it its clock; a replica, the time its city's
 * stream stored each entry, so that a replica catching up an hour later decides as the others did.
 */
export class BatchOrder<T extends Arrival> {
  private readonly sessions = new Map<string, Session<T>>();

  constructor(
    private readonly waitMs = INGEST_ORDER_WAIT_MS,
    sessions: readonly SessionState[] = [],
  ) {
    for (const { id, next, lastAtMs, failed } of sessions) {
      this.sessions.set(id, {
        next,
        held: new Map(),
        failed: failed === undefined ? undefined : new DomainError(ErrorCode.InvalidBatch, failed),
        lastAtMs,
      });
    }
  }

  /** Where each import stands; only while no batch is held (undefined otherwise). */
  state(): SessionState[] | undefined {
    const sessions = [...this.sessions];
    if (sessions.some(([, { held }]) => held.size > 0)) return undefined;
    return sessions.map(([id, { next, lastAtMs, failed }]) => ({
      id,
      next,
      lastAtMs,
      ...(failed === undefined ? {} : { failed: failed.message }),
    }));
  }

  admit(batch: T): Admitted<T> {
    const apply: T[] = [];
    const refused = this.expire(batch.atMs);
    const { order } = batch;
    if (order === undefined) return { apply: [batch], refused };
    const session = this.session(order.session, batch.atMs);
    const { sequence } = order;
    if (session.failed !== undefined) {
      refused.push({ batch, error: session.failed });
    } else if (
      !Number.isSafeInteger(sequence) ||
      sequence < session.next ||
      session.held.has(sequence)
    ) {
      refused.push({
        batch,
        error: new DomainError(
          ErrorCode.InvalidBatch,
          `batch ${String(sequence)} of import ${order.session} was already received`,
        ),
      });
    } else if (sequence > session.next) {
      session.held.set(sequence, batch);
    } else {
      apply.push(batch);
      session.next += 1;
      for (let next = session.held.get(session.next); next !== undefined;) {
        session.held.delete(session.next);
        apply.push(next);
        session.next += 1;
        next = session.held.get(session.next);
      }
    }
    return { apply, refused };
  }

  /** The held batch `matches` picks (one waiting for an earlier batch of its import), if any. */
  findHeld(matches: (batch: T) => boolean): T | undefined {
    for (const { held } of this.sessions.values()) {
      for (const batch of held.values()) if (matches(batch)) return batch;
    }
    return undefined;
  }

  /** Refuses the imports whose gap stayed open past `waitMs` at `nowMs`; forgets old ones. */
  expire(nowMs: number): Refusal<T>[] {
    const refused: Refusal<T>[] = [];
    for (const [id, session] of this.sessions) {
      if (session.held.size === 0) {
        if (nowMs - session.lastAtMs > FORGET_AFTER_MS) this.sessions.delete(id);
        continue;
      }
      const oldest = Math.min(...[...session.held.values()].map(({ atMs }) => atMs));
      if (nowMs - oldest <= this.waitMs) continue;
      session.failed = new DomainError(
        ErrorCode.InvalidBatch,
        `batch ${session.next} of import ${id} did not arrive within ${this.waitMs} ms: it and the later batches of that import are not applied`,
      );
      for (const batch of session.held.values()) refused.push({ batch, error: session.failed });
      session.held.clear();
    }
    return refused;
  }

  private session(id: string, atMs: number): Session<T> {
    let session = this.sessions.get(id);
    if (session === undefined) {
      session = { next: 0, held: new Map(), failed: undefined, lastAtMs: atMs };
      this.sessions.set(id, session);
    }
    session.lastAtMs = atMs;
    return session;
  }
}
