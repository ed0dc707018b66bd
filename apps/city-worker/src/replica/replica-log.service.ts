import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import { RpcException } from '@nestjs/microservices';
import type { ConsumerMessages } from '@nats-io/jetstream';
import {
  INGEST_ORDER_WAIT_MS,
  OUTCOME_UNKNOWN,
  REPLICA_BEHIND,
  type RpcErrorBody,
} from '#contracts';
import { retrying, withTimeout } from '#platform';
import { CityService } from '../city.service.js';
import { CITY_STATE } from '../tokens.js';
import { jetStreamRetry, type CityStream } from './city-stream.js';
import { decodeLogEntry, encodeLogEntry, type LogEntry, type Logged } from './log-entry.js';
import type { ReplicaState } from './replica-state.js';
import { CITY_STREAM } from './tokens.js';

type Outcome = { readonly result: unknown } | { readonly error: unknown };

/** Outcomes of the latest entries kept for the writer (or its retry) that waits for one. */
const OUTCOMES_KEPT = 4096;
/** Quiet time after an entry before the replica writes its snapshot (a fast next start). */
const SNAPSHOT_IDLE_MS = 5000;
/** How long a write is tried again while the stream does not take it (below INGEST_TIMEOUT_MS). */
const APPEND_RETRY_MS = 20_000;
/** How long a read waits for this replica to apply what the stream holds before another is asked. */
const READ_WAIT_MS = 1500;
const CONSUME_EXPIRES_MS = 3000;
/** How often the replica checks that its read of the stream moves while the stream grows. */
const WATCH_MS = 2000;
/** How long a read waits for the stream to say how far it goes before serving what it holds. */
const LAST_SEQ_MS = 1000;
/** How often a write not yet applied looks whether it is held for an earlier batch. */
const HELD_LOOK_MS = 500;
/** Between two ticks for the same held write (this host's clock ahead of the stream's). */
const TICK_PAUSE_MS = 1000;

/**
 * A replica's side of its city's stream: appends each write it is sent and answers with the
 * outcome it computed when it applied that entry; applies every entry of the stream in order,
 * whoever appended it, so that all replicas hold the same; answers a read once it has applied
 * every entry the stream held when the read came (read-your-writes on any replica).
 */
@Injectable()
export class ReplicaLog implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ReplicaLog.name);
  private readonly outcomes = new Map<number, Outcome>();
  private readonly outcomeWaiters = new Map<number, ((outcome: Outcome) => void)[]>();
  private appliedWaiters: { readonly seq: number; readonly resolve: () => void }[] = [];
  private messages: ConsumerMessages | undefined;
  private readonly startedAt: number;
  private snapshotTimer: NodeJS.Timeout | undefined;
  private watchdog: NodeJS.Timeout | undefined;
  /** What was applied at the watchdog's last look. */
  private watched = -1;
  private stopping = false;
  private snapshotSeq: number;

  constructor(
    @Inject(CITY_STREAM) private readonly stream: CityStream,
    @Inject(CITY_STATE) private readonly state: ReplicaState,
    private readonly city: CityService,
  ) {
    this.startedAt = state.progress.applied;
    this.snapshotSeq = state.progress.applied;
  }

  /** The last entry of the stream this replica applied: the city's version it serves. */
  get applied(): number {
    return this.state.progress.applied;
  }

  /** Applies the stream from its snapshot on, and returns once caught up: only then it serves. */
  async onApplicationBootstrap(): Promise<void> {
    const started = performance.now();
    await retrying(() => this.follow(), jetStreamRetry(this.logger, `reading ${this.stream.name}`));
    const last = await retrying(
      () => this.lastSeq(),
      jetStreamRetry(this.logger, `asking how far ${this.stream.name} goes`),
    );
    await this.reach(last);
    const seconds = (performance.now() - started) / 1000;
    this.logger.log(
      `${this.state.store.city}: caught up with ${this.stream.name} (entries ${this.startedAt + 1}..${last}) in ${seconds.toFixed(2)} s: ${this.state.store.length} transactions`,
    );
    this.watchdog = setInterval(() => {
      void this.watch();
    }, WATCH_MS);
    this.watchdog.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.snapshotTimer);
    clearInterval(this.watchdog);
    await this.messages?.close();
    await this.stream.nc.drain().catch(() => undefined);
  }

  /** Reads the stream from the entry after the last one applied, until the read is closed. */
  private async follow(): Promise<void> {
    const consumer = await this.stream.js.consumers.get(this.stream.name, {
      deliver_policy: 'by_start_sequence',
      opt_start_seq: this.applied + 1,
    });
    // Heartbeats every 1.5 s: a read whose connection died unnoticed is renewed by the client.
    const messages = await consumer.consume({ expires: CONSUME_EXPIRES_MS });
    this.messages = messages;
    void this.run(messages);
  }

  /**
   * A read that ended, or that stopped moving while the stream grew (seen after a host was cut
   * off and came back: the client's own renewal did not always happen), is opened again from
   * the entry after the last one applied; nothing is skipped, nothing applied twice.
   */
  private async watch(): Promise<void> {
    const last = await this.lastSeq().catch(() => undefined);
    const stalled =
      this.messages === undefined ||
      (last !== undefined && last > this.applied && this.watched === this.applied);
    this.watched = this.applied;
    if (!stalled || this.stopping) return;
    this.logger.warn(
      `${this.stream.name}: applied ${this.applied} of ${String(last)} and not moving: reading it again from ${this.applied + 1}`,
    );
    await this.renew();
  }

  private async renew(): Promise<void> {
    const old = this.messages;
    this.messages = undefined;
    await old?.close().catch(() => undefined);
    try {
      await this.follow();
    } catch (error) {
      this.logger.warn(`${this.stream.name} cannot be read yet (${String(error)}): trying again`);
    }
  }

  /** Appends a write and answers with what applying it did (a retry gets the same answer). */
  async write(entry: LogEntry, id: string): Promise<unknown> {
    const outcome = await this.settledOutcome(await this.append(encodeLogEntry(entry), id));
    if ('error' in outcome) throw outcome.error;
    return outcome.result;
  }

  /**
   * The outcome of entry `seq`. A batch held for an earlier one of its import is refused when an
   * entry the stream stored after its wait is applied: when no other write comes, the replica
   * appends a tick once the wait is over by its clock (again while its clock is ahead of the
   * stream's), so that the writer is answered and every replica refuses the batch alike.
   */
  private async settledOutcome(seq: number): Promise<Outcome> {
    const outcome = this.outcomeOf(seq);
    for (let tick = 1; ;) {
      const pauseMs = Math.max(this.gapClosesInMs(seq), tick > 1 ? TICK_PAUSE_MS : 0);
      const settled = await Promise.race([outcome, sleep(pauseMs, undefined, { ref: false })]);
      if (settled !== undefined) return settled;
      if (this.stopping || this.gapClosesInMs(seq) > 0) continue;
      await this.append(encodeLogEntry({ kind: 'tick' }), `tick-${seq}-${tick}`).catch(
        (error: unknown) => {
          this.logger.warn(`no tick appended for entry ${seq}: ${String(error)}`);
        },
      );
      tick += 1;
    }
  }

  /** 0 once entry `seq` is held past its wait by this host's clock; how long to look again else. */
  private gapClosesInMs(seq: number): number {
    const held = this.heldEntry(seq);
    if (held === undefined) return HELD_LOOK_MS;
    return Math.max(held.atMs + INGEST_ORDER_WAIT_MS + 1 - Date.now(), 0);
  }

  private heldEntry(seq: number): Logged | undefined {
    return this.state.progress.order.findHeld((held) => held.seq === seq);
  }

  /**
   * The entry's sequence once the stream stored it. A stream between leaders (a NATS server of
   * the cluster stopped) refuses or does not answer for a few seconds: the append is tried again
   * with the same id, which the stream stores once, until APPEND_RETRY_MS have passed.
   */
  private async append(data: Uint8Array, id: string): Promise<number> {
    const ack = await retrying(
      () =>
        this.stream.js.publish(this.stream.subject, data, {
          msgID: id,
          expect: { streamName: this.stream.name },
        }),
      {
        ...jetStreamRetry(this.logger, `appending to ${this.stream.name}`),
        forMs: APPEND_RETRY_MS,
      },
    );
    return ack.seq;
  }

  /**
   * Answers once every entry the stream held when asked is applied. When the stream cannot be
   * asked (no JetStream quorum), the replica answers from what it holds rather than not at all.
   */
  async read<T>(answer: () => T): Promise<T> {
    const last = await this.lastSeq().catch((error: unknown) => {
      this.logger.warn(
        `${this.stream.name} not reachable (${String(error)}): answering as of ${this.applied}`,
      );
      return this.applied;
    });
    if (!(await this.reach(last, READ_WAIT_MS))) {
      throw new RpcException({
        code: REPLICA_BEHIND,
        message: `this replica of ${this.state.store.city} has applied ${this.applied} of the ${last} entries of its stream`,
      } satisfies RpcErrorBody);
    }
    return answer();
  }

  private async lastSeq(): Promise<number> {
    const info = await withTimeout(this.stream.jsm.streams.info(this.stream.name), LAST_SEQ_MS);
    return info.state.last_seq;
  }

  /** Resolves once `seq` is applied (true), or after `waitMs` if it is not by then (false). */
  private reach(seq: number, waitMs = Infinity): Promise<boolean> {
    if (seq <= this.applied) return Promise.resolve(true);
    return new Promise((resolve) => {
      const waiter = {
        seq,
        resolve: () => {
          clearTimeout(timer);
          resolve(true);
        },
      };
      const timer = Number.isFinite(waitMs)
        ? setTimeout(() => {
            this.appliedWaiters = this.appliedWaiters.filter((other) => other !== waiter);
            resolve(false);
          }, waitMs)
        : undefined;
      this.appliedWaiters.push(waiter);
    });
  }

  private outcomeOf(seq: number): Promise<Outcome> {
    const kept = this.outcomes.get(seq);
    if (kept !== undefined) return Promise.resolve(kept);
    if (seq <= this.startedAt || (seq <= this.applied && this.heldEntry(seq) === undefined)) {
      return Promise.resolve({ error: unknownOutcome(seq) });
    }
    return new Promise((resolve) => {
      const waiting = this.outcomeWaiters.get(seq) ?? [];
      waiting.push(resolve);
      this.outcomeWaiters.set(seq, waiting);
    });
  }

  private async run(messages: ConsumerMessages): Promise<void> {
    try {
      for await (const message of messages) {
        // A read opened again may deliver again what the one before it did.
        if (message.seq <= this.applied) continue;
        if (message.seq > this.applied + 1) {
          this.logger.warn(
            `${this.stream.name}: entry ${message.seq} came after ${this.applied}: reading again from ${this.applied + 1}`,
          );
          break;
        }
        this.receive(message.seq, message.data, Math.floor(message.info.timestampNanos / 1e6));
      }
    } catch (error) {
      this.logger.warn(`reading ${this.stream.name}: ${String(error)}`);
    }
    if (!this.stopping && this.messages === messages) await this.renew();
  }

  private receive(seq: number, data: Uint8Array, atMs: number): void {
    let entry: LogEntry | undefined;
    try {
      entry = decodeLogEntry(data);
    } catch (error) {
      this.settle(seq, { error });
    }
    if (entry !== undefined) {
      const order = entry.kind === 'ingest' ? entry.batch.order : undefined;
      const { apply, refused } = this.state.progress.order.admit({ seq, atMs, entry, order });
      for (const { batch, error } of refused) this.settle(batch.seq, { error });
      for (const logged of apply) this.settle(logged.seq, this.applyEntry(logged));
    }
    this.state.progress.applied = seq;
    const waiting = this.appliedWaiters;
    this.appliedWaiters = waiting.filter((waiter) => waiter.seq > seq);
    for (const waiter of waiting) if (waiter.seq <= seq) waiter.resolve();
    this.scheduleSnapshot();
  }

  /** Applies an entry as of the time the stream stored it, so that every replica decides alike. */
  private applyEntry({ entry, atMs }: Logged): Outcome {
    const now = new Date(atMs);
    try {
      switch (entry.kind) {
        case 'ingest':
          return { result: this.city.apply(entry.batch, now) };
        case 'correct':
          return { result: this.city.correct(entry.request, now) };
        case 'setTargets':
          return { result: this.city.setTargets(entry.request) };
        case 'tick':
          return { result: undefined };
      }
    } catch (error) {
      return { error };
    }
  }

  private settle(seq: number, outcome: Outcome): void {
    this.outcomes.set(seq, outcome);
    if (this.outcomes.size > OUTCOMES_KEPT) {
      this.outcomes.delete(this.outcomes.keys().next().value as number);
    }
    for (const resolve of this.outcomeWaiters.get(seq) ?? []) resolve(outcome);
    this.outcomeWaiters.delete(seq);
  }

  private scheduleSnapshot(): void {
    clearTimeout(this.snapshotTimer);
    this.snapshotTimer = setTimeout(() => {
      if (this.applied === this.snapshotSeq) return;
      try {
        this.state.shard.snapshot(this.state.store);
        this.snapshotSeq = this.applied;
      } catch (error) {
        this.logger.warn(`no snapshot written: ${String(error)}`);
      }
    }, SNAPSHOT_IDLE_MS);
    this.snapshotTimer.unref();
  }
}

function unknownOutcome(seq: number): RpcException {
  return new RpcException({
    code: OUTCOME_UNKNOWN,
    message: `entry ${seq} of the city's log was applied before this replica started: its per-line outcome is no longer known (its rows are stored)`,
  } satisfies RpcErrorBody);
}
