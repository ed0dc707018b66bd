import type { CityDirectory } from '../model/cities.js';
import { ErrorCode, type RowError } from '../model/errors.js';
import type { Transaction } from '../model/transaction.js';
import type { RecordBatch } from './batch-ingest.js';
import type { DateWindow } from './date-window.js';
import { RecordPipeline } from './record-pipeline.js';
import { ValidatingSink } from './validating-sink.js';

/** The one record of `batch` checked against the contract: its transaction, or why not. */
export function validateOne(
  batch: RecordBatch,
  cities: CityDirectory,
  dates?: DateWindow,
): Transaction | RowError {
  let result: Transaction | RowError | undefined;
  const pipeline = new RecordPipeline(
    new ValidatingSink(
      cities,
      {
        valid: (transaction) => {
          result ??= transaction;
        },
        rejected: (error) => {
          result ??= error;
        },
      },
      dates,
    ),
    batch,
  );
  pipeline.push(batch.csv);
  pipeline.end();
  return (
    result ?? {
      line: batch.lines[0] ?? 1,
      code: ErrorCode.TooFewFields,
      field: undefined,
      transactionId: undefined,
      message: 'the correction holds no record',
    }
  );
}
