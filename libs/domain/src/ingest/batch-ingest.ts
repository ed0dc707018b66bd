import type { CsvRecord } from '../csv/csv-record.js';
import type { CityDirectory } from '../model/cities.js';
import type { RowError } from '../model/errors.js';
import type { Transaction } from '../model/transaction.js';
import type { CityStore } from '../store/city-store.js';
import { FirstErrors } from './first-errors.js';
import { RecordPipeline } from './record-pipeline.js';
import { ValidatingSink } from './validating-sink.js';

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
 * Validates a batch's records through the record pipeline and appends the valid ones to `store`;
 * `onAccepted` sees each transaction the store accepted (not the duplicates), in order, with the
 * record it was read from (reused for the next record: copy what you keep).
 */
export function ingestBatch(
  store: CityStore,
  cities: CityDirectory,
  batch: RecordBatch,
  keptErrors: number,
  onAccepted: (transaction: Transaction, record: CsvRecord) => void = () => undefined,
): BatchOutcome {
  let accepted = 0;
  let duplicates = 0;
  const rejections = new FirstErrors(keptErrors);
  const pipeline = new RecordPipeline(
    new ValidatingSink(cities, {
      valid: (transaction, record) => {
        if (store.append(transaction) === 'accepted') {
          accepted += 1;
          onAccepted(transaction, record);
        } else {
          duplicates += 1;
        }
      },
      rejected: (error) => {
        rejections.add(error);
      },
    }),
    batch,
  );
  pipeline.push(batch.csv);
  pipeline.end();
  return { accepted, duplicates, rejected: rejections.count, errors: rejections.list() };
}
