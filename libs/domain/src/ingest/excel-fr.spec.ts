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
