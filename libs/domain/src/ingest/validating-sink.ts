import type { ColumnLayout } from '../csv/columns.js';
import type { CsvRecord } from '../csv/csv-record.js';
import { isRowError, validateRecord } from '../csv/validate-record.js';
import type { CityDirectory } from '../model/cities.js';
import { outsideWindow, type DateWindow } from './date-window.js';
import type { RowError } from '../model/errors.js';
import type { Transaction } from '../model/transaction.js';
import type { RecordSink } from './record-pipeline.js';

export interface ValidatedSink {
  /** A record that obeys the contract, as a transaction, with the record it was read from. */
  valid(transaction: Transaction, record: CsvRecord): void;
  rejected(error: RowError): void;
}

/** The validation stage of the record pipeline: every record checked against the contract. */
export class ValidatingSink implements RecordSink {
  /** `dates`: the plausible window, for new rows (a shard's rows were checked when stored). */
  constructor(
    private readonly cities: CityDirectory,
    private readonly next: ValidatedSink,
    private readonly dates?: DateWindow,
  ) {}

  record(record: CsvRecord, layout: ColumnLayout): void {
    const result = validateRecord(record, layout, this.cities);
    if (isRowError(result)) {
      this.next.rejected(result);
      return;
    }
    const outside =
      this.dates === undefined ? undefined : outsideWindow(result, record.line, this.dates);
    if (outside === undefined) this.next.valid(result, record);
    else this.next.rejected(outside);
  }

  rejected(error: RowError): void {
    this.next.rejected(error);
  }
}
