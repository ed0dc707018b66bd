import type { ColumnLayout } from '../csv/columns.js';
import type { CsvRecord } from '../csv/csv-record.js';
import { isRowError, validateRecord } from '../csv/validate-record.js';
import type { CityDirectory } from '../model/cities.js';
import { ErrorCode, type RowError } from '../model/errors.js';
import { CsvDialectReader } from './csv-dialect.js';
import { RecordPipeline, type KnownHeader } from './record-pipeline.js';

/** How an import is cut into batches. */
export interface RouteLimits {
  /** A batch is sealed at this many records… */
  readonly batchRows: number;
  /** …or once its records take this many bytes as {@link recordBytes} counts them. */
  readonly batchBytes: number;
  /** Longer records are refused by line (RECORD_TOO_LONG) before they are routed. */
  readonly maxRecordChars: number;
  /** What one record (its canonical CSV text) takes in a batch: the transport's measure. */
  readonly recordBytes: (text: string) => number;
}

/**
 * The records of one import routed to one city: record i of `csv` (canonical CSV, one record per
 * line) came from line `lines[i]` of the import, whose header is `columns`.
 */
export interface CityRecords extends Required<KnownHeader> {
  readonly csv: string;
}

export interface RoutedSink {
  /** A sealed batch, in the import's order for its city. */
  batch(city: string, records: CityRecords): void;
  /** A record refused before any city saw it: unreadable, too long, or of no served city. */
  rejected(error: RowError): void;
}

/**
 * Why a record of `city` may not be written by this import's writer (an importer bound to other
 * cities), or undefined when it may.
 */
export type CityRefusal = (city: string) => string | undefined;

interface PendingBatch {
  lines: number[];
  records: string[];
  bytes: number;
}

/**
 * Reads an import once, in either CSV dialect (or as fields), and routes each record to the city
 * its `ville` names, in batches cut by {@link RouteLimits}. The city's worker validates the
 * record; a record no city serves is validated here, so that it is refused with the first rule it
 * breaks, as a worker would have.
 */
export class ImportRouter {
  private readonly dialect = new CsvDialectReader();
  private readonly pipeline: RecordPipeline;
  private readonly pending = new Map<string, PendingBatch>();

  constructor(
    private readonly cities: CityDirectory,
    private readonly limits: RouteLimits,
    private readonly sink: RoutedSink,
    header?: KnownHeader,
    private readonly refusal: CityRefusal = () => undefined,
  ) {
    this.pipeline = new RecordPipeline(
      {
        record: (record, layout) => {
          this.route(record, layout);
        },
        rejected: (error) => {
          sink.rejected(error);
        },
      },
      header,
      limits.maxRecordChars,
    );
  }

  /** Records read after the header, readable or not. */
  get rows(): number {
    return this.pipeline.rows;
  }

  /** The next piece of the file's text. */
  push(text: string): void {
    this.pipeline.push(this.dialect.push(text));
  }

  /** A record given as fields (a JSON transaction), under the header given at construction. */
  pushFields(fields: readonly string[], line: number): void {
    this.pipeline.pushFields(fields, line);
  }

  /** Ends the input and seals every batch. */
  end(): void {
    this.pipeline.push(this.dialect.end());
    this.pipeline.end();
    this.flush();
  }

  /** Seals every batch begun, the input going on or not. */
  flush(): void {
    for (const city of [...this.pending.keys()]) this.seal(city);
  }

  private route(record: CsvRecord, layout: ColumnLayout): void {
    const city =
      record.count >= layout.width ? this.cities.resolve(record.field(layout.ville)) : undefined;
    if (city === undefined) {
      const result = validateRecord(record, layout, this.cities);
      if (isRowError(result)) this.sink.rejected(result);
      return;
    }
    const refused = this.refusal(city);
    if (refused !== undefined) {
      this.sink.rejected({
        line: record.line,
        code: ErrorCode.ForbiddenCity,
        field: 'ville',
        transactionId: record.field(layout.transaction_id).trim() || undefined,
        message: `line ${record.line}: ${refused}`,
      });
      return;
    }
    const text = record.toCsv();
    const bytes = this.limits.recordBytes(text);
    if (bytes > this.limits.batchBytes) {
      // It could never be sent: refused by its line rather than failing the import for ever.
      this.sink.rejected({
        line: record.line,
        code: ErrorCode.RecordTooLong,
        field: undefined,
        transactionId: undefined,
        message: `line ${record.line}: the record takes ${bytes} bytes on the wire, over IMPORT_BATCH_BYTES (${this.limits.batchBytes})`,
      });
      return;
    }
    let batch = this.pending.get(city);
    if (batch !== undefined && batch.bytes + bytes > this.limits.batchBytes) {
      this.seal(city);
      batch = undefined;
    }
    if (batch === undefined) {
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
    this.sink.batch(city, {
      columns: this.pipeline.columns,
      lines: batch.lines,
      csv: batch.records.join('\n'),
    });
  }
}
