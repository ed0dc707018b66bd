import {
  ErrorCode,
  FirstErrors,
  RecordPipeline,
  isRowError,
  validateRecord,
  type ColumnLayout,
  type CsvRecord,
  type KnownHeader,
} from '#domain';
import type { IngestBatch } from '#contracts';
import type { CityRegistry } from '../cluster/city-registry.service.js';
import type { CityWorkers } from '../cluster/city-workers.port.js';
import type { ImportConfig } from '../config/gateway-config.js';
import type { CityImportOutcome, ImportOutcome } from '#contracts';
import { elapsedMs } from '../shared/elapsed.js';

const KEPT_ERRORS = 1000;
/**
 * What a record adds to a batch on the wire beside its UTF-8 bytes: its line break, and its line
 * number in the frame's JSON (up to 10 digits and a comma).
 */
const WIRE_BYTES_PER_RECORD = 12;

interface PendingBatch {
  lines: number[];
  records: string[];
  bytes: number;
}

/**
 * One import in progress: the record pipeline reads the records, and each is routed, raw, to its
 * city's worker in batches, with at most `maxInFlight` batches awaiting an answer. The caller
 * awaits {@link drain} between chunks, which is where backpressure bites.
 */
export class ImportSession {
  private readonly started = performance.now();
  private readonly pipeline: RecordPipeline;
  /** Every rejection, here or by a worker: all counted, the first by line kept. */
  private readonly rejections = new FirstErrors(KEPT_ERRORS);
  /** Rows stored with an unusual price, as the workers flag them. */
  private readonly warnings = new FirstErrors(KEPT_ERRORS);
  private readonly pending = new Map<string, PendingBatch>();
  private readonly ready: { city: string; batch: IngestBatch }[] = [];
  private readonly inFlight = new Set<Promise<void>>();
  /** Each city's last batch sent: the next one waits for it. */
  private readonly lastCall = new Map<string, Promise<void>>();
  private readonly outcomes = new Map<string, CityImportOutcome>();

  constructor(
    private readonly workers: CityWorkers,
    private readonly registry: CityRegistry,
    private readonly limits: ImportConfig,
    private readonly ingestTimeoutMs: number,
    header?: KnownHeader,
  ) {
    this.pipeline = new RecordPipeline(
      {
        record: (record, layout) => {
          this.route(record, layout);
        },
        rejected: (error) => {
          this.rejections.add(error);
        },
      },
      header,
      limits.maxRecordBytes,
    );
    // Every served city is in the answer, even one this import holds no row for.
    for (const city of registry.cities) this.outcomeOf(city);
  }

  push(text: string): void {
    this.pipeline.push(text);
  }

  /** A record given as fields (a JSON transaction), under the header given at construction. */
  pushFields(fields: readonly string[], line: number): void {
    this.pipeline.pushFields(fields, line);
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
    this.pipeline.end();
    for (const city of [...this.pending.keys()]) this.seal(city);
    await this.drain();
    await Promise.all(this.inFlight);
    return this.outcome();
  }

  /** What was done so far, without waiting: for an import cut short. */
  async settle(): Promise<ImportOutcome> {
    await Promise.all(this.inFlight);
    for (const [city, batch] of this.pending) this.outcomeOf(city).notApplied += batch.lines.length;
    for (const { city, batch } of this.ready) this.outcomeOf(city).notApplied += batch.lines.length;
    this.pending.clear();
    this.ready.length = 0;
    return this.outcome();
  }

  private route(record: CsvRecord, layout: ColumnLayout): void {
    const city =
      record.count >= layout.width ? this.registry.resolve(record.field(layout.ville)) : undefined;
    if (city === undefined) {
      // Not routable: validation names the first rule broken, as a worker would have.
      const result = validateRecord(record, layout, this.registry);
      if (isRowError(result)) this.rejections.add(result);
      return;
    }
    let batch = this.pending.get(city);
    if (batch === undefined) {
      batch = { lines: [], records: [], bytes: 0 };
      this.pending.set(city, batch);
    }
    const text = record.toCsv();
    const bytes = Buffer.byteLength(text) + WIRE_BYTES_PER_RECORD;
    if (bytes > this.limits.batchBytes) {
      // It could never be sent: refused by its line rather than failing the import for ever.
      this.rejections.add({
        line: record.line,
        code: ErrorCode.RecordTooLong,
        field: undefined,
        transactionId: undefined,
        message: `line ${record.line}: the record takes ${bytes} bytes on the wire, over IMPORT_BATCH_BYTES (${this.limits.batchBytes})`,
      });
      return;
    }
    if (batch.bytes + bytes > this.limits.batchBytes) {
      this.seal(city);
      batch = { lines: [], records: [], bytes: 0 };
      this.pending.set(city, batch);
    }
    batch.lines.push(record.line);
    batch.records.push(text);
    batch.bytes += bytes;
    if (batch.lines.length >= this.limits.batchRows || batch.bytes >= this.limits.batchBytes) {
      this.seal(city);
    }
  }

  private seal(city: string): void {
    const batch = this.pending.get(city);
    if (batch === undefined) return;
    this.pending.delete(city);
    this.ready.push({
      city,
      batch: { columns: this.pipeline.columns, lines: batch.lines, csv: batch.records.join('\n') },
    });
  }

  /**
   * Sends a city's batches one after the other, the cities side by side: a batch leaves once the
   * city confirmed the one before, so that a city applies its rows in the file's order on any
   * transport ("first occurrence wins"). Concurrent calls overtook each other over NATS while the
   * client connected, and around a broker restart.
   */
  private send(city: string, batch: IngestBatch): void {
    const outcome = this.outcomeOf(city);
    const previous = this.lastCall.get(city) ?? Promise.resolve();
    const call = previous
      .then(async () => {
        if (outcome.error !== undefined) {
          outcome.notApplied += batch.lines.length;
          return;
        }
        try {
          const result = await this.workers.ingest(city, batch, this.ingestTimeoutMs);
          outcome.accepted += result.accepted;
          outcome.duplicates += result.duplicates;
          outcome.conflicts += result.conflicts;
          outcome.rejected += result.rejected;
          this.rejections.addCounted(result.errors, result.rejected + result.conflicts);
          this.warnings.addCounted(result.warnings, result.warnings.length);
        } catch (error) {
          outcome.error ??= error instanceof Error ? error.message : String(error);
          outcome.notApplied += batch.lines.length;
        }
      })
      .finally(() => {
        this.inFlight.delete(call);
      });
    this.lastCall.set(city, call);
    this.inFlight.add(call);
  }

  /** The city's outcome, made when first asked (a city discovered during the import too). */
  private outcomeOf(city: string): CityImportOutcome {
    let outcome = this.outcomes.get(city);
    if (outcome === undefined) {
      outcome = { city, accepted: 0, duplicates: 0, conflicts: 0, rejected: 0, notApplied: 0 };
      this.outcomes.set(city, outcome);
    }
    return outcome;
  }

  private outcome(): ImportOutcome {
    const cities = [...this.outcomes.values()].sort((a, b) => (a.city < b.city ? -1 : 1));
    const total = (key: 'accepted' | 'duplicates' | 'conflicts'): number =>
      cities.reduce((sum, city) => sum + city[key], 0);
    return {
      rows: this.pipeline.rows,
      accepted: total('accepted'),
      duplicates: total('duplicates'),
      conflicts: total('conflicts'),
      // Conflicts are listed with the rejections but counted apart.
      rejected: this.rejections.count - total('conflicts'),
      errors: this.rejections.list(),
      warnings: this.warnings.list(),
      cities,
      elapsedMs: elapsedMs(this.started),
    };
  }
}
