import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { RpcException } from '@nestjs/microservices';
import type { ConsumerMessages } from '@nats-io/jetstream';
import { OUTCOME_UNKNOWN, type RpcErrorBody } from '#contracts';
import { CityService } from '../city.service.js';
import { CITY_STATE, ON_FATAL, type FatalHandler } from '../tokens.js';
import type { CityStream } from './city-stream.js';
import { decodeLogEntry, encodeLogEntry, type LogEntry } from './log-entry.js';
import { BatchOrder, type Arrival } from '../batch-order.js';
import type { ReplicaState } from './replica-state.js';
import { CITY_STREAM } from './tokens.js';

type Outcome = { readonly result: unknown } | { readonly error: unknown };

/** An entry of the city's stream: its sequence, and when the stream stored it. */
interface Logged extends Arrival {
  readonly seq: number;
  readonly entry: LogEntry;
}

/** Outcomes of the latest entries kept for the writer (or its retry) that waits for one. */
const OUTCOMES_KEPT = 4096;
/** Quiet time after an entry before the replica writes its snapshot (a fast next start). */
const SNAPSHOT_IDLE_MS = 5000;
/** How long a read waits for the stream to say how far it goes before serving what it holds. */
const LAST_SEQ_MS = 1000;

/**
 * A replica's side of its city's stream: appends each write it is sent and answers with the
 * outcome it computed when it applied that entry; applies every entry of the stream in order,
 * whoever appended it, so that all replicas hold the same; answers a read once it has applied
 * every entry the stream held when the read came (read-your-writes on any replica).
 */
@Injectable()
export class ReplicaLog implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ReplicaLog.name);
  private readonly order = new BatchOrder<Logged>();
  private readonly outcomes = new Map<number, Outcome>();
  private readonly outcomeWaiters = new Map<number, ((outcome: Outcome) => void)[]>();
  private appliedWaiters: { readonly seq: number; readonly resolve: () => void }[] = [];
  private messages: ConsumerMessages | undefined;
  private readonly startedAt: number;
  private snapshotTimer: NodeJS.Timeout | undefined;
  private snapshotSeq: number;

  constructor(
    @Inject(CITY_STREAM) private readonly stream: CityStream,
    @Inject(CITY_STATE) private readonly state: ReplicaState,
    @Inject(ON_FATAL) private readonly onFatal: FatalHandler,
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
    const consumer = await this.stream.js.consumers.get(this.stream.name, {
      deliver_policy: 'by_start_sequence',
      opt_start_seq: this.applied + 1,
    });
    this.messages = await consumer.consume();
    void this.run(this.messages);
    const last = await this.lastSeq();
    await this.reach(last);
    const seconds = (performance.now() - started) / 1000;
    this.logger.log(
      `${this.state.store.city}: caught up with ${this.stream.name} (entries ${this.startedAt + 1}..${last}) in ${seconds.toFixed(2)} s: ${this.state.store.length} transactions`,
    );
  }

  async onApplicationShutdown(): Promise<void> {
    clearTimeout(this.snapshotTimer);
    await this.messages?.close();
    await this.stream.nc.drain().catch(() => undefined);
  }

  /** Appends a write and answers with what applying it did (a retry gets the same answer). */
  async write(entry: LogEntry, id: string): Promise<unknown> {
    const ack = await this.stream.js.publish(this.stream.subject, encodeLogEntry(entry), {
      msgID: id,
      expect: { streamName: this.stream.name },
    });
    const outcome = await this.outcomeOf(ack.seq);
    if ('error' in outcome) throw outcome.error;
    return outcome.result;
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
    await this.reach(last);
    return answer();
  }

  private async lastSeq(): Promise<number> {
    const info = await withTimeout(this.stream.jsm.streams.info(this.stream.name), LAST_SEQ_MS);
    return info.state.last_seq;
  }

  private reach(seq: number): Promise<void> {
    if (seq <= this.applied) return Promise.resolve();
    return new Promise((resolve) => this.appliedWaiters.push({ seq, resolve }));
  }

  private outcomeOf(seq: number): Promise<Outcome> {
    const kept = this.outcomes.get(seq);
    if (kept !== undefined) return Promise.resolve(kept);
    if (
      seq <= this.startedAt ||
      (seq <= this.applied && !this.order.holds((held) => held.seq === seq))
    ) {
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
        this.receive(message.seq, message.data, Math.floor(message.info.timestampNanos / 1e6));
      }
    } catch (error) {
      this.onFatal(new Error(`reading ${this.stream.name}: ${String(error)}`));
    }
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
      const { apply, refused } = this.order.admit({ seq, atMs, entry, order });
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

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        reject(new Error(`no answer within ${ms} ms`));
      }, ms);
    }),
  ]).finally(() => {
    clearTimeout(timer);
  });
}
