import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { CityStores, CsvDialectReader, CsvIngest } from '#domain/ingest';
import { OpenCityDirectory } from '#domain/model';
import { parseReportQuery } from '#domain/query';
import { buildReport } from '#domain/report';
import { chunkDecoder, type Charset } from '#input';
import { fixturePath } from '../../../../test/support/fixtures.js';

/** A file through the dialect reader, fed in chunks of `size` characters, as the gateway does. */
function load(
  text: string,
  size = 5,
): { ingest: CsvIngest; stores: CityStores; reader: CsvDialectReader } {
  const stores = new CityStores();
  const ingest = new CsvIngest(new OpenCityDirectory(), stores);
  const reader = new CsvDialectReader();
  for (let start = 0; start < text.length; start += size) {
    ingest.push(reader.push(text.slice(start, start + size)));
  }
  ingest.push(reader.end());
  ingest.end();
  return { ingest, stores, reader };
}

const read = (name: string, charset: Charset = 'utf-8'): string => {
  const decoder = chunkDecoder(charset);
  return decoder.decode(readFileSync(fixturePath(name))) + decoder.end();
};

describe('files saved by Excel in French', () => {
  it('give the same report, counts and rejected lines as the same data in the standard dialect', () => {
    const standard = load(read('ok/three-cities.csv'));
    const french = load(read('ok/three-cities-excel-fr.csv'));
    expect([standard.reader.dialect, french.reader.dialect]).toEqual(['standard', 'french-excel']);
    expect(french.ingest.counts).toEqual(standard.ingest.counts);
    expect(french.ingest.errors.map(({ line, code }) => [line, code])).toEqual(
      standard.ingest.errors.map(({ line, code }) => [line, code]),
    );
    const query = parseReportQuery({});
    expect(buildReport(french.stores.summarize(), query)).toEqual(
      buildReport(standard.stores.summarize(), query),
    );
  });

  it('read Windows-1252 text, grouped thousands and a euro sign as the values they show', () => {
    const french = load(read('ok/accents-excel-fr-cp1252.csv', 'windows-1252'), 7);
    const standard = load(read('ok/accents.csv'));
    expect(french.ingest.counts).toMatchObject({ accepted: 2, rejected: 0 });
    const query = parseReportQuery({});
    const report = buildReport(french.stores.summarize(), query);
    expect(report).toEqual(buildReport(standard.stores.summarize(), query));
    expect(report.data.topModels.find((c) => c.city === 'Lyon')?.sales).toEqual([
      { model: 'Citroën_C5_Aircross', count: 1, revenue: 32990.9 },
    ]);
  });

  it('names what it detected when a header cannot be read', () => {
    expect(() =>
      load('transaction_id\tdate\tville\ttype\tmodele\tprix\tduree_location_mois\nA\t2024-01-01\n'),
    ).toThrow(
      /^the header lacks required columns transaction_id, date, .* separated by "," or, as Excel in French saves it, by ";"; this header holds tabs: detected columns "transaction_id\\tdate/,
    );
  });
});

describe('numbers of a French Excel file', () => {
  const HEADER = 'transaction_id;date;ville;type;modele;prix;duree_location_mois;cout';

  it('read a dot as thousands grouping by three, the comma as the decimal mark, one rule', () => {
    const { ingest, stores } = load(
      [
        HEADER,
        'D1;02/03/2025;Lyon;vente;BMW_X1;45.000;NULL;41.600',
        'D2;03/03/2025;Lyon;location;Audi_A3;1.250;12;',
        'D3;04/03/2025;Lyon;vente;BMW_X3;1.234,56;NULL;',
        'D4;05/03/2025;Lyon;vente;BMW_X5;58 900,50 €;NULL;',
      ].join('\r\n'),
    );
    expect(ingest.errors).toEqual([]);
    const store = stores.storeFor('Lyon');
    const columns = store.columns();
    const cents = (id: string): [number, number] => [
      columns.priceCents[store.rowOf(id)]!,
      columns.costCents[store.rowOf(id)]!,
    ];
    // By hand: 45 000 € (cost 41 600 €), 1 250 € a month, 1 234,56 €, 58 900,50 €.
    expect(cents('D1')).toEqual([4_500_000, 4_160_000]);
    expect(cents('D2')[0]).toBe(125_000);
    expect(cents('D3')[0]).toBe(123_456);
    expect(cents('D4')[0]).toBe(5_890_050);
  });

  it('refuse by its line a number whose dot groups no thousands, with AMBIGUOUS_NUMBER', () => {
    const { ingest } = load(
      [
        HEADER,
        'A1;02/03/2025;Lyon;vente;BMW_X1;799.90;NULL;',
        'A2;02/03/2025;Lyon;vente;BMW_X1;40000;NULL;45.5',
        'A3;02/03/2025;Lyon;vente;BMW_X1;1.23.456;NULL;',
      ].join('\r\n'),
    );
    expect(ingest.counts.accepted).toBe(0);
    expect(ingest.errors.map(({ line, code, field }) => [line, code, field])).toEqual([
      [2, 'AMBIGUOUS_NUMBER', 'prix'],
      [3, 'AMBIGUOUS_NUMBER', 'cout'],
      [4, 'AMBIGUOUS_NUMBER', 'prix'],
    ]);
    expect(ingest.errors[0]?.message).toContain('prix "799.90" cannot be read for sure');
  });
});
