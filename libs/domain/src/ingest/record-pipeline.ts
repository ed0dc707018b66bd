import { parseHeader, type ColumnLayout } from '../csv/columns.js';
import { CsvRecord } from '../csv/csv-record.js';
import { CsvRecordReader, type CsvRecordSink } from '../csv/record-reader.js';
import { DomainError, ErrorCode, type RowError } from '../model/errors.js';

/** What a {@link RecordPipeline} hands on: every data record, in input order, or why it is unreadable. */
export interface RecordSink {
  /** A non-blank record after the header; the instance is reused, so copy what you keep. */
  record(record: CsvRecord, layout: ColumnLayout): void;
  /** A record that cannot be split (a quote never closed). */
  rejected(error: RowError): void;
}

/**
 * A header known before the records: a batch cut from an import elsewhere (with the import's line
 * number of each record), or the fields of JSON transactions.
 */
export interface KnownHeader {
  readonly columns: readonly string[];
  readonly lines?: readonly number[];
}

/**
 * The one way CSV text becomes records, for the gateway's routing, a worker's batch, shard
 * recovery and the CLI alike: the first record is the header (unless it is known already), every
 * later one is counted and handed to the sink with its line. A header that cannot be read rejects
 * the whole input; so does an input without one.
 */
export class RecordPipeline implements CsvRecordSink {
  /** Records read after the header, blank lines excepted, readable or not. */
  rows = 0;
  private layout: ColumnLayout | undefined;
  private names: readonly string[] = [];
  private readonly reader: CsvRecordReader;
  private readonly given = new CsvRecord();

  /** `maxRecordChars`: longer records are refused by line (RECORD_TOO_LONG); none by default. */
  constructor(
    private readonly sink: RecordSink,
    private readonly known?: KnownHeader,
    maxRecordChars?: number,
  ) {
    if (known !== undefined) this.readHeader(known.columns);
    // The pipeline is the reader's sink itself: no closure between them on the hot path.
    this.reader = new CsvRecordReader(this, maxRecordChars);
  }

  /** The header's column names, trimmed; empty before the header is read. */
  get columns(): readonly string[] {
    return this.names;
  }

  push(chunk: string): void {
    this.reader.push(chunk);
  }

  /** A record already split into fields (a JSON transaction), on `line`. */
  pushFields(fields: readonly string[], line: number): void {
    this.given.setFields(fields, line);
    this.record(this.given);
  }

  end(): void {
    this.reader.end();
    if (this.layout === undefined) {
      throw new DomainError(ErrorCode.EmptyFile, 'the file is empty: no header line');
    }
    const lines = this.known?.lines;
    if (lines !== undefined && this.rows !== lines.length) {
      throw new DomainError(
        ErrorCode.InvalidBatch,
        `the batch holds ${this.rows} records for ${lines.length} line numbers`,
      );
    }
  }

  private readHeader(fields: readonly string[]): void {
    this.names = fields.map((field) => field.trim());
    this.layout = parseHeader(this.names);
  }

  /** For the reader: a record it split. */
  record(record: CsvRecord): void {
    if (this.layout === undefined) {
      this.readHeader(record.fields());
      return;
    }
    record.line = this.nextLine(record.line);
    this.sink.record(record, this.layout);
  }

  /** For the reader: a record it could not split. */
  malformed(error: RowError): void {
    if (this.layout === undefined) {
      throw new DomainError(ErrorCode.MissingColumn, `the header cannot be read: ${error.message}`);
    }
    const line = this.nextLine(error.line);
    this.sink.rejected({
      ...error,
      line,
      message: error.message.replace(/^line \d+:/, `line ${line}:`),
    });
  }

  /** Counts a record and tells its line: the reader's, or the batch's own numbering. */
  private nextLine(readerLine: number): number {
    const index = this.rows;
    this.rows += 1;
    const lines = this.known?.lines;
    return lines === undefined ? readerLine : (lines[index] ?? -1);
  }
}
