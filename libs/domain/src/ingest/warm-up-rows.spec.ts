import { describe, expect, it } from '@jest/globals';
import { FixedCityDirectory } from '../model/cities.js';
import { CityStores } from './city-stores.js';
import { CsvIngest } from './csv-ingest.js';
import { WARM_UP_COLUMNS, warmUpRecords } from './warm-up-rows.js';

describe(warmUpRecords.name, () => {
  it('makes rows the ingest accepts, every one, spread over the cities given', () => {
    const stores = new CityStores();
    const ingest = new CsvIngest(new FixedCityDirectory(['Lyon', 'Paris']), stores);
    ingest.push(
      `${WARM_UP_COLUMNS.join(',')}\n${warmUpRecords(['Lyon', 'Paris'], 1000).join('\n')}\n`,
    );
    ingest.end();
    expect(ingest.counts).toEqual({
      rows: 1000,
      accepted: 1000,
      duplicates: 0,
      conflicts: 0,
      rejected: 0,
    });
    expect([stores.storeFor('Lyon').length, stores.storeFor('Paris').length]).toEqual([500, 500]);
  });
});
