import type { CsvRecord } from '../csv/csv-record.js';
import type { CityDirectory } from '../model/cities.js';
import { ErrorCode, type RowError } from '../model/errors.js';
import type { Transaction } from '../model/transaction.js';
import type { CityStore } from '../store/city-store.js';
import { AppendTally } from './append-tally.js';
import type { DateWindow } from './date-window.js';
import { FirstErrors, type CodeCounts } from './first-errors.js';
import type { CityRecords } from './import-router.js';
import { RecordPipeline } from './record-pipeline.js';
import { ValidatingSink } from './validating-sink.js';

export interface BatchOutcome {
  accepted: number;
  duplicates: number;
  /** Ids stored with other content (CONFLICTING_DUPLICATE, listed in `errors`, not in `rejected`). */
  conflicts: number;
  rejected: number;
  /** Every rejection (conflicts apart) by error code: they add up to `rejected`. */
  rejectedByCode: CodeCounts;
  /** The first `keptErrors` rejections. */
  errors: RowError[];
  /** The first `keptErrors` warnings: rows stored with a price far from the usual one. */
  warnings: RowError[];
}

/**
 * Validates a batch's records through the record pipeline and appends the valid ones to `store`;
 * `onAccepted` sees each transaction the store accepted (not the duplicates), in order, with the
 * record it was read from (reused for the next record: copy what you keep).
 */
export function ingestBatch(
  store: CityStore,
  cities: CityDirectory,
  batch: CityRecords,
  keptErrors: number,
  onAccepted: (transaction: Transaction, record: CsvRecord) => void = () => undefined,
  dates?: DateWindow,
  /** Distinct models the city may reach: a row past them is rejected (TOO_MANY_MODELS). */
  maxModels = Infinity,
): BatchOutcome {
  const rejections = new FirstErrors(keptErrors);
  const tally = new AppendTally(rejections, undefined, maxModels);
  const pipeline = new RecordPipeline(
    new ValidatingSink(
      cities,
      {
        valid: (transaction, record) => {
          if (tally.append(store, transaction, record.line)) onAccepted(transaction, record);
        },
        rejected: (error) => {
          rejections.add(error);
        },
      },
      dates,
    ),
    batch,
  );
  pipeline.push(batch.csv);
  pipeline.end();
  return {
    accepted: tally.accepted,
    duplicates: tally.duplicates,
    conflicts: tally.conflicts,
    rejected: tally.rejected(),
    rejectedByCode: rejections.countsByCode(ErrorCode.ConflictingDuplicate),
    errors: rejections.list(),
    warnings: tally.warnings.list(),
  };
}
