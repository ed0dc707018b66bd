import type { ColumnLayout } from '../csv/columns.js';
import { CsvRecord } from '../csv/csv-record.js';
import { formatTransaction } from '../csv/format-transaction.js';
import { quoteCsvField } from '../csv/quote-field.js';
import { TRANSACTION_TYPE_NAMES, type Transaction } from '../model/transaction.js';
import type { CityDirectory } from '../model/cities.js';
import type { RowError } from '../model/errors.js';
import type { CityStores } from './city-stores.js';
import type { RecordSink } from './record-pipeline.js';

/**
 * The `type` of a shard line that records a deletion: no import can carry it (a type is `vente`
 * or `location`), so only a worker writes it, and only shard recovery reads it.
 */
export const TOMBSTONE_TYPE = '#supprime';

/**
 * How a shard line that replaces a transaction marks its type (`#remplace-vente`): the deletion of
 * the held content and the new content in one record, so that no cut (a crash, a full disk) can
 * keep the deletion without the new line. Like a tombstone, no import can carry it.
 */
export const REPLACEMENT_TYPE_PREFIX = '#remplace-';

/** The shard line that gives `transaction`'s id its content, held content deleted. */
export function replacementLine(transaction: Transaction): string {
  return formatTransaction(
    transaction,
    `${REPLACEMENT_TYPE_PREFIX}${TRANSACTION_TYPE_NAMES[transaction.type]}`,
  );
}

/** The shard line that deletes `transactionId` from `city` when the shard is replayed. */
export function tombstoneLine(transactionId: string, city: string): string {
  return `${quoteCsvField(transactionId)},,${quoteCsvField(city)},${TOMBSTONE_TYPE},,,,`;
}

/**
 * Replays a shard: a tombstone deletes its id, in order with the rows around it (an id deleted,
 * then imported again, is held); a replacement deletes its id and goes on to `next` as the row it
 * holds; every other line goes on to `next` as it is. Its city is resolved by the
 * directory the rows are resolved by: a shard written as `Lyon` and replayed by a worker started
 * as `lyon` deletes from the store its rows went to.
 */
export class TombstoneSink implements RecordSink {
  constructor(
    private readonly cities: CityDirectory,
    private readonly stores: CityStores,
    private readonly next: RecordSink,
  ) {}

  /** A replacement's row, with its type as imported. */
  private readonly replaced = new CsvRecord();

  record(record: CsvRecord, layout: ColumnLayout): void {
    const type = record.count > layout.type ? record.field(layout.type) : '';
    const replacing = type.startsWith(REPLACEMENT_TYPE_PREFIX);
    if (!replacing && type !== TOMBSTONE_TYPE) {
      this.next.record(record, layout);
      return;
    }
    const written = record.field(layout.ville);
    const city = this.cities.resolve(written) ?? written;
    this.stores.storeFor(city).remove(record.field(layout.transaction_id));
    if (!replacing) return;
    const fields = record.fields();
    fields[layout.type] = type.slice(REPLACEMENT_TYPE_PREFIX.length);
    this.replaced.setFields(fields, record.line);
    this.next.record(this.replaced, layout);
  }

  rejected(error: RowError): void {
    this.next.rejected(error);
  }
}
