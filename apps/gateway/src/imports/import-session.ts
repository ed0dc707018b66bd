import {
  DomainError,
  ErrorCode,
  isRowError,
  parseHeader,
  validateRecord,
  type ColumnLayout,
  type CsvRecord,
  type RowError,
} from '#domain';
import type { IngestBatch, IngestResult } from '#contracts';
import type { CityCluster } from '../cluster/city-cluster.service.js';
import type { CityImportOutcome, ImportOutcome } from './import-outcome.js';

export interface ImportLimits {
  readonly batchRows: number;
  /** Bytes of CSV per batch at most (NATS refuses messages over its max_payload, 1 MiB by default). */
  readonly batchBytes: number;
  readonly maxInFlight: number;
  readonly ingestTimeoutMs: number;
}

const KEPT_ERRORS = 1000;

/**
 * One import in progress: records are routed, raw, to their city's worker in batches, with at
 * most `maxInFlight` batches awaiting an answer. Records are handed in synchronously (from a CSV
 * reader); the caller awaits {@link drain} between chunks, which is where backpressure bites.
 */
export class ImportSession {
  private readonly started = performance.now();
  private layout: ColumnLayout | undefined;
  private columns: string[] = [];
  private rows = 0;
  private errors: RowError[] = [];
  private rejectedHere = 0;
  private readonly pending = new Map<
    string,
    { lines: number[]; records: string[]; bytes: number }
  >();
  private readonly ready: { city: string; batch: IngestBatch }[] = [];
  private readonly inFlight = new Set<Promise<void>>();
  private readonly outcomes = new Map<string, CityImportOutcome>();

  constructor(
    private readonly cluster: CityCluster,
    private readonly limits: ImportLimits,
  ) {
    // Every served city is in the answer, even one this import holds no row for.
    for (const city of cluster.cities) this.outcomeOf(city);
  }

  /** The first record is the header; every later one is routed or rejected here. */
  record(record: CsvRecord): void {
    if (this.layout === undefined) {
      this.columns = record.fields().map((field) => field.trim());
      this.layout = parseHeader(this.columns);
      return;
    }
    this.rows += 1;
    const city =
      record.count >= this.layout.width
        ? this.cluster.directory.resolve(record.field(this.layout.ville))
        : undefined;
    if (city === undefined) {
      // Not routable: validation names the first rule broken, as a worker would have.
      const result = validateRecord(record, this.layout, this.cluster.directory);
      if (isRowError(result)) this.reject(result);
      return;
    }
    let batch = this.pending.get(city);
    if (batch === undefined) {
      batch = { lines: [], records: [], bytes: 0 };
      this.pending.set(city, batch);
    }
    const text = record.toCsv();
    batch.lines.push(record.line);
    batch.records.push(text);
    batch.bytes += text.length + 1;
    if (batch.lines.length >= this.limits.batchRows || batch.bytes >= this.limits.batchBytes) {
      this.seal(city);
    }
  }

  malformed(error: RowError): void {
    if (this.layout === undefined) {
      throw new DomainError(ErrorCode.MissingColumn, `the header cannot be read: ${error.message}`);
    }
    this.rows += 1;
    this.reject(error);
  }

  /** Sends the sealed batches, waiting while too many are in flight. */
  async drain(): Promise<void> {
    for (let next = this.ready.shift(); next !== undefined; next = this.ready.shift()) {
      while (this.inFlight.size >= this.limits.maxInFlight) await Promise.race(this.inFlight);
      this.send(next.city, next.batch);
    }
  }

  /** Sends what is left, waits for every answer, and adds everything up. */
  async finish(): Promise<ImportOutcome> {
    if (this.layout === undefined) {
      throw new DomainError(ErrorCode.EmptyFile, 'the file is empty: no header line');
    }
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

  private seal(city: string): void {
    const batch = this.pending.get(city);
    if (batch === undefined) return;
    this.pending.delete(city);
    this.ready.push({
      city,
      batch: { columns: this.columns, lines: batch.lines, csv: batch.records.join('\n') },
    });
  }

  private send(city: string, batch: IngestBatch): void {
    const outcome = this.outcomeOf(city);
    if (outcome.error !== undefined) {
      outcome.notApplied += batch.lines.length;
      return;
    }
    const call = this.cluster
      .call<IngestResult>(city, 'ingest', batch, this.limits.ingestTimeoutMs)
      .then((result) => {
        outcome.accepted += result.accepted;
        outcome.duplicates += result.duplicates;
        outcome.rejected += result.rejected;
        this.keepErrors(result.errors);
      })
      .catch((error: unknown) => {
        outcome.error ??= error instanceof Error ? error.message : String(error);
        outcome.notApplied += batch.lines.length;
      })
      .finally(() => {
        this.inFlight.delete(call);
      });
    this.inFlight.add(call);
  }

  private reject(error: RowError): void {
    this.rejectedHere += 1;
    this.keepErrors([error]);
  }

  /** Keeps the first errors by line, in bounded memory whatever order the cities answer in. */
  private keepErrors(errors: readonly RowError[]): void {
    this.errors.push(...errors);
    if (this.errors.length > 2 * KEPT_ERRORS) this.errors = firstByLine(this.errors);
  }

  /** The city's outcome, made when first asked (a city discovered during the import too). */
  private outcomeOf(city: string): CityImportOutcome {
    let outcome = this.outcomes.get(city);
    if (outcome === undefined) {
      outcome = { city, accepted: 0, duplicates: 0, rejected: 0, notApplied: 0 };
      this.outcomes.set(city, outcome);
    }
    return outcome;
  }

  private outcome(): ImportOutcome {
    const cities = [...this.outcomes.values()].sort((a, b) => (a.city < b.city ? -1 : 1));
    const total = (key: 'accepted' | 'duplicates' | 'rejected'): number =>
      cities.reduce((sum, city) => sum + city[key], 0);
    return {
      rows: this.rows,
      accepted: total('accepted'),
      duplicates: total('duplicates'),
      rejected: total('rejected') + this.rejectedHere,
      errors: firstByLine(this.errors),
      cities,
      elapsedMs: performance.now() - this.started,
    };
  }
}

function firstByLine(errors: readonly RowError[]): RowError[] {
  return [...errors].sort((a, b) => a.line - b.line).slice(0, KEPT_ERRORS);
}
