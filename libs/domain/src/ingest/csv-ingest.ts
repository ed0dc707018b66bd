import { parseHeader, type ColumnLayout } from '../csv/columns.js';
import type { CsvRecord } from '../csv/csv-record.js';
import { CsvRecordReader } from '../csv/record-reader.js';
import { isRowError, validateRecord } from '../csv/validate-record.js';
import type { CityDirectory } from '../model/cities.js';
import { DomainError, ErrorCode, type RowError } from '../model/errors.js';
import type { CityStores } from './city-stores.js';

export interface IngestCounts {
  /** Records read after the header (blank lines excepted). */
  rows: number;
  accepted: number;
  duplicates: number;
  rejected: number;
}

/**
 * Loads a CSV file, fed in chunks, into city stores: the header first, then every record
 * validated and appended, duplicates counted, rejections counted and the first ones kept.
 */
export class CsvIngest {
  readonly counts: IngestCounts = { rows: 0, accepted: 0, duplicates: 0, rejected: 0 };
  readonly errors: RowError[] = [];
  private layout: ColumnLayout | undefined;
  private readonly reader = new CsvRecordReader({
    record: (record) => {
      this.record(record);
    },
    malformed: (error) => {
      this.reject(error);
    },
  });

  constructor(
    private readonly cities: CityDirectory,
    private readonly stores: CityStores,
    private readonly keptErrors = 1000,
  ) {}

  push(chunk: string): void {
    this.reader.push(chunk);
  }

  /** Ends the input; a file without a header is rejected whole. */
  end(): void {
    this.reader.end();
    if (this.layout === undefined) {
      throw new DomainError(ErrorCode.EmptyFile, 'the file is empty: no header line');
    }
  }

  private record(record: CsvRecord): void {
    if (this.layout === undefined) {
      this.layout = parseHeader(record.fields());
      return;
    }
    this.counts.rows += 1;
    const result = validateRecord(record, this.layout, this.cities);
    if (isRowError(result)) {
      this.reject(result);
    } else if (this.stores.storeFor(result.city).append(result) === 'accepted') {
      this.counts.accepted += 1;
    } else {
      this.counts.duplicates += 1;
    }
  }

  private reject(error: RowError): void {
    if (this.layout === undefined) {
      throw new DomainError(ErrorCode.MissingColumn, `the header cannot be read: ${error.message}`);
    }
    if (error.code === ErrorCode.UnterminatedQuote) this.counts.rows += 1;
    this.counts.rejected += 1;
    if (this.errors.length < this.keptErrors) this.errors.push(error);
  }
}
