import type { CityDirectory } from '../model/cities.js';
import { ErrorCode, type RowError } from '../model/errors.js';
import type { Transaction } from '../model/transaction.js';
import type { DateWindow } from './date-window.js';
import { RecordPipeline } from './record-pipeline.js';
import { ValidatingSink } from './validating-sink.js';

/** One record given as fields under `columns` (line 1), checked against the contract. */
export function validateOne(
  columns: readonly string[],
  fields: readonly string[],
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
    { columns },
  );
  pipeline.pushFields(fields, 1);
  pipeline.end();
  return (
    result ?? {
      line: 1,
      code: ErrorCode.TooFewFields,
      field: undefined,
      transactionId: undefined,
      message: 'the correction holds no record',
    }
  );
}
