import { parseHeader } from '../csv/columns.js';
import type { CsvRecord } from '../csv/csv-record.js';
import { CsvRecordReader } from '../csv/record-reader.js';
import { isRowError, validateRecord } from '../csv/validate-record.js';
import type { CityDirectory } from '../model/cities.js';
import { DomainError, ErrorCode, type RowError } from '../model/errors.js';
import type { Transaction } from '../model/transaction.js';
import type { CityStore } from '../store/city-store.js';

/**
 * Raw CSV records of one import, for one city: record i of `csv` (records separated by line
 * breaks, RFC 4180 quoting) came from line `lines[i]` of the import, whose header is `columns`.
 */
export interface RecordBatch {
  readonly columns: readonly string[];
  readonly lines: readonly number[];
  readonly csv: string;
}

export interface BatchOutcome {
  accepted: number;
  duplicates: number;
  rejected: number;
  /** The first `keptErrors` rejections. */
  errors: RowError[];
}

/**
 * Validates a batch's records and appends the valid ones to `store`; `onAccepted` sees each
 * transaction the store accepted (not the duplicates), in order, with the record it was read
 * from (reused for the next record: copy what you keep).
 */
export function ingestBatch(
  store: CityStore,
  cities: CityDirectory,
  batch: RecordBatch,
  keptErrors: number,
  onAccepted: (transaction: Transaction, record: CsvRecord) => void = () => undefined,
): BatchOutcome {
  const layout = parseHeader(batch.columns);
  const outcome: BatchOutcome = { accepted: 0, duplicates: 0, rejected: 0, errors: [] };
  const reject = (error: RowError): void => {
    outcome.rejected += 1;
    if (outcome.errors.length < keptErrors) outcome.errors.push(error);
  };
  let index = 0;
  const reader = new CsvRecordReader({
    record: (record) => {
      record.line = batch.lines[index];
      index += 1;
      const result = validateRecord(record, layout, cities);
      if (isRowError(result)) reject(result);
      else if (store.append(result) === 'accepted') {
        outcome.accepted += 1;
        onAccepted(result, record);
      } else outcome.duplicates += 1;
    },
    malformed: (error) => {
      const line = batch.lines[index];
      index += 1;
      reject({ ...error, line, message: `line ${line}: a quoted field is never closed` });
    },
  });
  reader.push(batch.csv);
  reader.end();
  if (index !== batch.lines.length) {
    throw new DomainError(
      ErrorCode.InvalidBatch,
      `the batch holds ${index} records for ${batch.lines.length} line numbers`,
    );
  }
  return outcome;
}
