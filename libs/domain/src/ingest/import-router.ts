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
  /** …or once its records take this many bytes on the wire: UTF-8 plus {@link recordOverhead}. */
  readonly batchBytes: number;
  /** Longer records are refused by line (RECORD_TOO_LONG) before they are routed. */
  readonly maxRecordChars: number;
  /** What one record takes on the wire beside its UTF-8 bytes (the transport's measure). */
  readonly recordOverhead: number;
}

/**
 * The records of one import routed to one city: record i of `csv` (canonical CSV, one record per
 * line) came from line `lines[i]` of the import, whose header is `columns`.
 */
export interface CityRecords extends Required<KnownHeader> {
  readonly csv: string;
}

/** {@link CityRecords} as the router seals them: their text already UTF-8, as the wire takes it. */
export interface RoutedRecords extends Required<KnownHeader> {
  readonly utf8: Uint8Array;
}

export interface RoutedSink {
  /** A sealed batch, in the import's order for its city. */
  batch(city: string, records: RoutedRecords): void;
  /** A record refused before any city saw it: unreadable, too long, or of no served city. */
  rejected(error: RowError): void;
}

/**
 * Why a record of `city` may not be written by this import's writer (an importer bound to other
 * cities), or undefined when it may.
 */
export type CityRefusal = (city: string) => string | undefined;

/** A batch being filled: its records' UTF-8 bytes, one line each, in `utf8` up to `length`. */
interface PendingBatch {
  readonly lines: number[];
  utf8: Uint8Array;
  length: number;
}

const UTF8 = new TextEncoder();
const LINE_FEED = 0x0a;
/** The smallest array a batch starts with; it grows when its records need more. */
const MIN_BATCH_ROOM = 4096;
/** UTF-8 takes at most 3 bytes per UTF-16 code unit. */
const MAX_UTF8_PER_UNIT = 3;

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
  /** Each spelling of `ville` met, with its city: one lookup per spelling, not per record. */
  private readonly spellings = new Map<string, string>();
  /** UTF-8 bytes per record (line break included) in the last batch sealed: how batches are sized. */
  private bytesPerRecord = 64;

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
    const city = record.count >= layout.width ? this.cityOf(record.field(layout.ville)) : undefined;
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
    let batch = this.pending.get(city) ?? this.begin(city);
    const start = batch.length;
    const room = text.length * MAX_UTF8_PER_UNIT + 1;
    if (batch.utf8.length - start < room) batch.utf8 = grown(batch.utf8, start + room);
    const bytes = UTF8.encodeInto(text, batch.utf8.subarray(start)).written;
    const recordWireBytes = bytes + this.limits.recordOverhead;
    if (recordWireBytes > this.limits.batchBytes) {
      // It could never be sent: refused by its line rather than failing the import for ever.
      this.sink.rejected({
        line: record.line,
        code: ErrorCode.RecordTooLong,
        field: undefined,
        transactionId: undefined,
        message: `line ${record.line}: the record takes ${recordWireBytes} bytes on the wire, over IMPORT_BATCH_BYTES (${this.limits.batchBytes})`,
      });
      return;
    }
    if (this.wireBytes(batch) + recordWireBytes > this.limits.batchBytes) {
      // The batch is full without it: it goes, and the record opens the next one.
      const encoded = batch.utf8.subarray(start, start + bytes);
      this.seal(city);
      batch = this.begin(city);
      batch.utf8.set(encoded);
    }
    batch.lines.push(record.line);
    batch.length += bytes + 1;
    batch.utf8[batch.length - 1] = LINE_FEED;
    if (
      batch.lines.length >= this.limits.batchRows ||
      this.wireBytes(batch) >= this.limits.batchBytes
    ) {
      this.seal(city);
    }
  }

  private cityOf(spelling: string): string | undefined {
    let city = this.spellings.get(spelling);
    if (city === undefined) {
      // Only hits are kept: a city the registry discovers later is routed from then on.
      city = this.cities.resolve(spelling);
      if (city !== undefined) this.spellings.set(spelling, city);
    }
    return city;
  }

  /**
   * A new batch for `city`, sized for `batchRows` records like the last batch sealed: allocating
   * `batchBytes` for each cost 0.9 s of the gateway's CPU per 1M rows with 4 MiB batches.
   */
  private begin(city: string): PendingBatch {
    const expected = Math.ceil(this.limits.batchRows * this.bytesPerRecord * 1.25);
    const batch: PendingBatch = {
      lines: [],
      utf8: new Uint8Array(Math.min(this.limits.batchBytes, Math.max(expected, MIN_BATCH_ROOM))),
      length: 0,
    };
    this.pending.set(city, batch);
    return batch;
  }

  /** What the batch takes on the wire: its records' bytes, each with the transport's overhead. */
  private wireBytes(batch: PendingBatch): number {
    // `length` counts a line break per record, which the overhead already counts.
    return batch.length + batch.lines.length * (this.limits.recordOverhead - 1);
  }

  /** Hands on the city's batch, if it holds a record. */
  private seal(city: string): void {
    const batch = this.pending.get(city);
    if (batch === undefined) return;
    this.pending.delete(city);
    if (batch.lines.length === 0) return;
    this.bytesPerRecord = batch.length / batch.lines.length;
    // The last line break goes: records are separated, as a batch's text always was.
    this.sink.batch(city, {
      columns: this.pipeline.columns,
      lines: batch.lines,
      utf8: batch.utf8.subarray(0, batch.length - 1),
    });
  }
}

/** `bytes` copied into a larger array of at least `size` bytes. */
function grown(bytes: Uint8Array, size: number): Uint8Array {
  const larger = new Uint8Array(Math.max(size, bytes.length * 2));
  larger.set(bytes);
  return larger;
}
