import { randomUUID } from 'node:crypto';
import {
  FirstErrors,
  ImportRouter,
  addCodes,
  sortedCodes,
  type CityRefusal,
  type KnownHeader,
} from '#domain/ingest';
import { ErrorCode } from '#domain/model';
import type { CityImportOutcome, ImportOutcome, IngestBatch } from '#contracts';
import { BLOCK_FRAME_RECORD_OVERHEAD } from '#platform';
import type { CityRegistry } from '../cluster/city-registry.service.js';
import type { CityWorkers } from '../cluster/city-workers.port.js';
import type { ImportConfig } from '../config/gateway-config.js';
import { elapsedMs } from '../shared/elapsed.js';

const KEPT_ERRORS = 1000;

/**
 * One import in progress: the domain's {@link ImportRouter} reads it and cuts each city's
 * batches; this session sends them to the cities' workers, with at most `maxInFlight` batches
 * awaiting an answer. The caller awaits {@link drain} between chunks, which is where
 * backpressure bites.
 */
export class ImportSession {
  private readonly started = performance.now();
  private readonly router: ImportRouter;
  /** Every rejection, here or by a worker: all counted, the first by line kept. */
  private readonly rejections = new FirstErrors(KEPT_ERRORS);
  /** Rows stored with an unusual price, as the workers flag them. */
  private readonly warnings = new FirstErrors(KEPT_ERRORS);
  private readonly ready: { city: string; batch: IngestBatch }[] = [];
  private readonly inFlight = new Set<Promise<void>>();
  /** Names this import's batches to the workers, which apply each city's in `sequence` order. */
  private readonly session = randomUUID();
  private readonly sequences = new Map<string, number>();
  private readonly outcomes = new Map<string, CityImportOutcome>();

  constructor(
    private readonly workers: CityWorkers,
    registry: CityRegistry,
    private readonly limits: ImportConfig,
    private readonly ingestTimeoutMs: number,
    header?: KnownHeader,
    refusal?: CityRefusal,
  ) {
    this.router = new ImportRouter(
      registry,
      {
        batchRows: limits.batchRows,
        batchBytes: limits.batchBytes,
        maxRecordChars: limits.maxRecordBytes,
        recordOverhead: BLOCK_FRAME_RECORD_OVERHEAD,
      },
      {
        batch: (city, { columns, lines, utf8 }) => {
          this.ready.push({ city, batch: { columns, lines, csv: utf8 } });
        },
        rejected: (error) => {
          this.rejections.add(error);
        },
      },
      header,
      refusal,
    );
    // Every served city is in the answer, even one this import holds no row for.
    for (const city of registry.cities) this.outcomeOf(city);
  }

  /** The next piece of the file's text, in either CSV dialect. */
  push(text: string): void {
    this.router.push(text);
  }

  /** A record given as fields (a JSON transaction), under the header given at construction. */
  pushFields(fields: readonly string[], line: number): void {
    this.router.pushFields(fields, line);
  }

  /** Sends the sealed batches, waiting while too many are in flight. */
  async drain(): Promise<void> {
    for (let next = this.ready.shift(); next !== undefined; next = this.ready.shift()) {
      while (this.inFlight.size >= this.limits.maxInFlight) await Promise.race(this.inFlight);
      this.send(next.city, next.batch);
    }
  }

  /** Ends the input, sends what is left, waits for every answer, and adds everything up. */
  async finish(): Promise<ImportOutcome> {
    this.router.end();
    await this.drain();
    await Promise.all(this.inFlight);
    return this.outcome();
  }

  /** What was done so far, without waiting: for an import cut short. */
  async settle(): Promise<ImportOutcome> {
    await Promise.all(this.inFlight);
    this.router.flush();
    for (const { city, batch } of this.ready) this.outcomeOf(city).notApplied += batch.lines.length;
    this.ready.length = 0;
    return this.outcome();
  }

  /**
   * Sends a batch without waiting for the city's earlier ones: each carries its place in the
   * city's sequence, and the worker applies them in that order on any transport, so that the
   * file's first occurrence of an id wins (concurrent calls overtook each other over NATS while
   * the client connected, and around a broker restart). After a city's first failure its
   * later batches are not sent.
   */
  private send(city: string, batch: IngestBatch): void {
    const outcome = this.outcomeOf(city);
    if (outcome.error !== undefined) {
      outcome.notApplied += batch.lines.length;
      return;
    }
    const sequence = this.sequences.get(city) ?? 0;
    this.sequences.set(city, sequence + 1);
    const ordered = { ...batch, order: { session: this.session, sequence } };
    const call = this.workers
      .ingest(city, ordered, this.ingestTimeoutMs)
      .then(
        (result) => {
          outcome.accepted += result.accepted;
          outcome.duplicates += result.duplicates;
          outcome.conflicts += result.conflicts;
          outcome.rejected += result.rejected;
          addCodes(outcome.rejectedByCode, result.rejectedByCode);
          this.rejections.addCounted(
            result.errors,
            result.rejected + result.conflicts,
            result.rejectedByCode,
          );
          this.warnings.addCounted(result.warnings, result.warnings.length);
        },
        (error: unknown) => {
          outcome.error ??= error instanceof Error ? error.message : String(error);
          outcome.notApplied += batch.lines.length;
        },
      )
      .finally(() => {
        this.inFlight.delete(call);
      });
    this.inFlight.add(call);
  }

  /** The city's outcome, made when first asked (a city discovered during the import too). */
  private outcomeOf(city: string): CityImportOutcome {
    let outcome = this.outcomes.get(city);
    if (outcome === undefined) {
      outcome = {
        city,
        accepted: 0,
        duplicates: 0,
        conflicts: 0,
        rejected: 0,
        rejectedByCode: {},
        notApplied: 0,
      };
      this.outcomes.set(city, outcome);
    }
    return outcome;
  }

  private outcome(): ImportOutcome {
    const cities = [...this.outcomes.values()]
      .sort((a, b) => (a.city < b.city ? -1 : 1))
      .map((city) => ({ ...city, rejectedByCode: sortedCodes(city.rejectedByCode) }));
    const total = (key: 'accepted' | 'duplicates' | 'conflicts'): number =>
      cities.reduce((sum, city) => sum + city[key], 0);
    return {
      rows: this.router.rows,
      accepted: total('accepted'),
      duplicates: total('duplicates'),
      conflicts: total('conflicts'),
      // Conflicts are listed with the rejections but counted apart.
      rejected: this.rejections.count - total('conflicts'),
      rejectedByCode: this.rejections.countsByCode(ErrorCode.ConflictingDuplicate),
      errors: this.rejections.list(),
      warnings: this.warnings.list(),
      cities,
      elapsedMs: elapsedMs(this.started),
    };
  }
}
