import { describe, expect, it } from '@jest/globals';
import { FixedCityDirectory } from '../model/cities.js';
import { CityStores } from './city-stores.js';
import { CsvIngest } from './csv-ingest.js';
import { TombstoneSink, tombstoneLine } from './tombstone.js';

const HEADER = 'transaction_id,date,ville,type,modele,prix,duree_location_mois,cout';

/** The transactions a shard holds once replayed by a worker started with `CITY=<city>`. */
function replayed(city: string, lines: readonly string[]): string[] {
  const stores = new CityStores();
  const ingest = new CsvIngest(new FixedCityDirectory([city]), stores, { replay: true });
  ingest.push([HEADER, ...lines].join('\n') + '\n');
  ingest.end();
  expect(ingest.errors).toEqual([]);
  const store = stores.storeFor(city);
  return ['TX1', 'TX2'].filter((id) => store.rowOf(id) >= 0);
}

describe(TombstoneSink.name, () => {
  it('resolves a tombstone’s city as it resolves a row’s, whatever the spelling it was written with', () => {
    // Written by a worker started as `Lyon`, replayed by one started as `lyon` (and the reverse).
    const shard = [
      'TX1,2025-03-02,Lyon,vente,BMW_X1,40000,,',
      'TX2,2025-03-03,Lyon,vente,BMW_X1,41000,,',
      tombstoneLine('TX1', 'Lyon'),
    ];
    expect(replayed('lyon', shard)).toEqual(['TX2']);
    expect(
      replayed(
        'Lyon',
        shard.map((line) => line.replace('Lyon', 'lyon')),
      ),
    ).toEqual(['TX2']);
  });

  it('replays a PUT (tombstone, then the new line) under the other spelling', () => {
    const shard = [
      'TX1,2025-03-02,Lyon,vente,BMW_X1,40000,,',
      tombstoneLine('TX1', 'Lyon'),
      'TX1,2025-03-02,Lyon,vente,BMW_X1,41000,,',
    ];
    expect(replayed('lyon', shard)).toEqual(['TX1']);
  });

  it('replays a replacement record as its deletion and its new row, in one line', () => {
    const stores = new CityStores();
    const ingest = new CsvIngest(new FixedCityDirectory(['lyon']), stores, { replay: true });
    const lines = [
      HEADER,
      'TX1,2025-03-02,Lyon,vente,BMW_X1,40000,,',
      'TX1,2025-03-02,Lyon,#remplace-location,BMW_X1,900,12,',
    ];
    ingest.push(`${lines.join('\n')}\n`);
    ingest.end();
    expect(ingest.errors).toEqual([]);
    const store = stores.storeFor('lyon');
    const row = store.rowOf('TX1');
    const columns = store.columns();
    expect([store.length, columns.priceCents[row], columns.durationMonths[row]]).toEqual([
      1, 90_000, 12,
    ]);
  });
});
