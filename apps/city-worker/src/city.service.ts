import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { RpcException } from '@nestjs/microservices';
import { isRowError } from '#domain/csv';
import {
  replacementLine,
  tombstoneLine,
  validateOne,
  dateWindow,
  modelLimitError,
} from '#domain/ingest';
import { FixedCityDirectory, DomainError, ErrorCode, formatMonth } from '#domain/model';
import { monthBounds, summarizeCity, mergeCitySummaries, type CitySummary } from '#domain/summary';
import { listTransactions } from '#domain/store';
import {
  SUMMARY_TOO_LARGE,
  type CityHandlers,
  type RpcErrorBody,
  type SummarizeRequest,
  type CityInfo,
  type CorrectionRequest,
  type CorrectionResult,
  type IngestBatch,
  type IngestResult,
  type ListRequest,
  type ListResult,
  type SetTargetsRequest,
  type SetTargetsResult,
  type TargetsResult,
} from '#contracts';
import { applyBatch, refuseMalformedText } from './apply-batch.js';
import type { CityState } from './shard/recover-city.js';
import { CityTargets } from './targets/city-targets.js';
import { IngestSequencer } from './ingest-order.js';
import { CITY_STATE, ON_FATAL, WORKER_CONFIG, type FatalHandler } from './tokens.js';
import type { WorkerConfig } from './worker-config.js';

/** Quiet time after a batch before the worker folds the new rows into its summary. */
const IDLE_FOLD_MS = 200;

/**
 * One city's transactions, durable in its shard, and its summary: the rows an ingest adds are
 * folded into it when read (or idle); a correction, which changes rows already summarized, drops it.
 */
@Injectable()
export class CityService implements CityHandlers, OnApplicationShutdown {
  private readonly logger = new Logger(CityService.name);
  private readonly directory: FixedCityDirectory;
  /** The summary of the rows before {@link summarizedRows}; undefined: to be made from all. */
  private summary: CitySummary | undefined;
  private summarizedRows = 0;
  private idleFold: NodeJS.Timeout | undefined;
  private readonly order = new IngestSequencer();
  private measured: { readonly summary: CitySummary; readonly bytes: number } | undefined;
  /** This process, in every version it gives: a restarted worker's versions are new ones. */
  private readonly boot = randomUUID().slice(0, 8);
  private changes = 0;
  /** Set once a shard write failed: memory then holds rows the disk does not. */
  private broken: Error | undefined;
  private readonly cityTargets: CityTargets;

  constructor(
    @Inject(CITY_STATE) private readonly state: CityState,
    @Inject(ON_FATAL) private readonly onFatal: FatalHandler,
    @Inject(WORKER_CONFIG) private readonly config: WorkerConfig,
  ) {
    this.directory = new FixedCityDirectory([state.store.city]);
    this.cityTargets = new CityTargets(state.store.city, state.folder);
  }

  targets(): TargetsResult {
    return this.cityTargets.list();
  }

  setTargets(request: SetTargetsRequest): SetTargetsResult {
    return this.cityTargets.change(request);
  }

  /**
   * Applies the batch in its import's order, then answers once its rows are on disk: the fsync
   * is shared with the batches written meanwhile (group commit).
   */
  async ingest(batch: IngestBatch): Promise<IngestResult> {
    const outcome = await this.order.inTurn(batch.order, () => this.apply(batch));
    try {
      await this.state.shard.commit();
    } catch (error) {
      throw this.fail(error);
    }
    return outcome;
  }

  /** Applies a batch at once: its outcome, its rows stored and written (not yet committed). */
  apply(batch: IngestBatch, now = new Date()): IngestResult {
    this.assertSound();
    const rowsBefore = this.state.store.columns().length;
    const { outcome, shardLines } = applyBatch(
      this.state.store,
      this.directory,
      batch,
      this.config,
      now,
    );
    if (outcome.accepted > 0) this.added(rowsBefore, outcome.accepted);
    try {
      if (shardLines !== undefined) this.state.shard.writeLines(shardLines);
    } catch (error) {
      throw this.fail(error);
    }
    return outcome;
  }

  /**
   * Deletes a transaction (no replacement) or gives it new content; answers once the change is
   * in the shard (a tombstone, or one replacement record), so that recovery replays it in order.
   */
  correct(request: CorrectionRequest, now = new Date()): CorrectionResult {
    this.assertSound();
    const { store } = this.state;
    const { transactionId, replacement } = request;
    if (replacement === undefined) {
      if (!store.remove(transactionId)) return { found: false, changed: false };
      this.changed();
      this.durably([tombstoneLine(transactionId, store.city)]);
      return { found: true, changed: true };
    }
    for (const field of replacement.fields) refuseMalformedText(field);
    const transaction = validateOne(
      replacement.columns,
      replacement.fields,
      this.directory,
      dateWindow(now, this.config.maxFutureDays),
    );
    if (isRowError(transaction)) {
      return { found: store.holds(transactionId), changed: false, error: transaction };
    }
    const overLimit = modelLimitError(store, transaction, 1, this.config.maxModels);
    if (overLimit !== undefined) {
      return { found: store.holds(transactionId), changed: false, error: overLimit };
    }
    const outcome = store.replace(transaction);
    if (outcome !== 'replaced') return { found: outcome === 'unchanged', changed: false };
    this.changed();
    this.durably([replacementLine(transaction)]);
    return { found: true, changed: true };
  }

  /** Appends to the shard and waits for the disk. */
  private durably(lines: readonly string[]): void {
    try {
      this.state.shard.append(lines);
    } catch (error) {
      throw this.fail(error);
    }
  }

  /** A failed write stops the worker: memory would hold what the disk does not. */
  private fail(error: unknown): Error {
    if (this.broken === undefined) {
      this.broken = new Error(`cannot write ${this.state.shard.path}: ${String(error)}`);
      this.onFatal(this.broken);
    }
    return this.broken;
  }

  /**
   * Closes the shard and, when memory holds exactly what it holds, writes the store's snapshot
   * for a fast next start; a snapshot that cannot be written costs only that.
   */
  async onApplicationShutdown(): Promise<void> {
    const { shard, store, lock } = this.state;
    clearTimeout(this.idleFold);
    await shard.settle();
    if (this.broken === undefined) {
      try {
        const started = performance.now();
        shard.snapshot(store);
        // Written only at a stop, when nothing scrapes the worker any more: a line, not a metric.
        const seconds = (performance.now() - started) / 1000;
        this.logger.log(
          `snapshot of ${store.length} transactions written in ${seconds.toFixed(2)} s`,
        );
      } catch (error) {
        this.logger.warn(`no snapshot written: ${String(error)}`);
      }
    }
    shard.close();
    await lock.release();
  }

  get transactions(): number {
    return this.state.store.length;
  }

  summarize({ maxBytes, part, parts }: SummarizeRequest = {}): CitySummary {
    this.assertSound();
    if (parts !== undefined) {
      if (!Number.isInteger(parts) || parts < 1 || parts > 1024 || !isIndex(part, parts)) {
        throw new DomainError(
          ErrorCode.InvalidQuery,
          `part ${String(part)} of ${parts} is no part`,
        );
      }
      return summarizeCity(this.state.store.columns(), 0, { index: part, of: parts });
    }
    const summary = this.fold();
    if (maxBytes !== undefined) {
      const bytes = this.bytesOf(summary);
      if (bytes > maxBytes) {
        throw new RpcException({
          code: SUMMARY_TOO_LARGE,
          message: `the summary of ${this.state.store.city} takes ${bytes} bytes, over the ${maxBytes} a message carries: ask for it in parts`,
          details: { bytes },
        } satisfies RpcErrorBody);
      }
    }
    return summary;
  }

  /** The summary's size as a message, measured once per summary. */
  private bytesOf(summary: CitySummary): number {
    if (this.measured?.summary !== summary) {
      this.measured = { summary, bytes: Buffer.byteLength(JSON.stringify(summary)) };
    }
    return this.measured.bytes;
  }

  list({ limit, ...filter }: ListRequest): ListResult {
    this.assertSound();
    return listTransactions(this.state.store, filter, limit);
  }

  info(): CityInfo {
    const bounds = monthBounds([this.summarize()]);
    return {
      city: this.state.store.city,
      transactions: this.state.store.length,
      firstMonth: bounds === undefined ? null : formatMonth(bounds.first),
      lastMonth: bounds === undefined ? null : formatMonth(bounds.last),
      version: `${this.boot}.${this.changes}`,
      targetsVersion: this.cityTargets.version,
    };
  }

  /**
   * `accepted` rows were stored from row `firstRow` on. When they all went to the end, the
   * summary gets them when a read asks, or once the worker is idle: an import does not pay a
   * summary per batch. An id deleted earlier comes back in its old row, which asks for a full one.
   */
  private added(firstRow: number, accepted: number): void {
    const rows = this.state.store.columns().length;
    if (rows - firstRow !== accepted) this.summary = undefined;
    this.changes += 1;
    clearTimeout(this.idleFold);
    this.idleFold = setTimeout(() => {
      if (this.broken === undefined) this.fold();
    }, IDLE_FOLD_MS);
    this.idleFold.unref();
  }

  /** The summary of every row held: the rows added since the last one folded into it. */
  private fold(): CitySummary {
    const columns = this.state.store.columns();
    const summary =
      this.summary === undefined
        ? summarizeCity(columns)
        : columns.length > this.summarizedRows
          ? mergeCitySummaries(this.summary, summarizeCity(columns, this.summarizedRows))
          : this.summary;
    this.summary = summary;
    this.summarizedRows = columns.length;
    return summary;
  }

  /** The held rows changed: the summary is made again when asked, under a new version. */
  private changed(): void {
    this.summary = undefined;
    this.changes += 1;
  }

  private assertSound(): void {
    if (this.broken !== undefined) throw this.broken;
  }
}

function isIndex(part: number | undefined, parts: number): part is number {
  return part !== undefined && Number.isInteger(part) && part >= 0 && part < parts;
}
