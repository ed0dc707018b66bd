import type { ColumnLayout } from '../csv/columns.js';
import type { CsvRecord } from '../csv/csv-record.js';
import { isRowError, validateRecord } from '../csv/validate-record.js';
import type { CityDirectory } from '../model/cities.js';
import type { RowError } from '../model/errors.js';
import type { Transaction } from '../model/transaction.js';
import type { RecordSink } from './record-pipeline.js';

export interface ValidatedSink {
  /** A record that obeys the contract, as a transaction, with the record it was read from. */
  valid(transaction: Transaction, record: CsvRecord): void;
  rejected(error: RowError): void;
}

/** The validation stage of the record pipeline: every record checked against the contract. */
export function validatingSink(cities: CityDirectory, next: ValidatedSink): RecordSink {
  return {
    record(record: CsvRecord, layout: ColumnLayout): void {
      const result = validateRecord(record, layout, cities);
      if (isRowError(result)) next.rejected(result);
      else next.valid(result, record);
    },
    rejected(error: RowError): void {
      next.rejected(error);
    },
  };
}
