import type { ColumnLayout } from '../csv/columns.js';
import type { CsvRecord } from '../csv/csv-record.js';
import { quoteCsvField } from '../csv/quote-field.js';
import type { CityDirectory } from '../model/cities.js';
import type { RowError } from '../model/errors.js';
import type { CityStores } from './city-stores.js';
import type { RecordSink } from './record-pipeline.js';

/**
 * The `type` of a shard line that records a deletion: no import can carry it (a type is `vente`
 * or `location`), so only a worker writes it, and only shard recovery reads it.
 */
export const TOMBSTONE_TYPE = '#supprime';

/** The shard line that deletes `transactionId` from `city` when the shard is replayed. */
export function tombstoneLine(transactionId: string, city: string): string {
  return `${quoteCsvField(transactionId)},,${quoteCsvField(city)},${TOMBSTONE_TYPE},,,,`;
}

/**
 * Replays a shard: a tombstone deletes its id, in order with the rows around it (an id deleted,
 * then imported again, is held); every other line goes on to `next`. Its city is resolved by the
 * directory the rows are resolved by: a shard written as `Lyon` and replayed by a worker started
 * as `lyon` deletes from the store its rows went to.
 */
export class TombstoneSink implements RecordSink {
  constructor(
    private readonly cities: CityDirectory,
    private readonly stores: CityStores,
    private readonly next: RecordSink,
  ) {}

  record(record: CsvRecord, layout: ColumnLayout): void {
    if (record.count > layout.type && record.field(layout.type) === TOMBSTONE_TYPE) {
      const written = record.field(layout.ville);
      const city = this.cities.resolve(written) ?? written;
      this.stores.storeFor(city).remove(record.field(layout.transaction_id));
      return;
    }
    this.next.record(record, layout);
  }

  rejected(error: RowError): void {
    this.next.rejected(error);
  }
}
