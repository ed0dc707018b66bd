import { describe, expect, it } from '@jest/globals';
import { CityStores, CsvIngest } from '#domain/ingest';
import { OpenCityDirectory } from '#domain/model';
import { EMPTY_SUMMARY, mergeSummaries, summarizeCity, type Summary } from '#domain/summary';
import { seededRandom } from '../../../../apps/cli/src/generate/random.js';
import { generatedLines } from '../../../../test/support/generated.js';

function summaryOf(lines: readonly string[]): Summary {
  const stores = new CityStores();
  const ingest = new CsvIngest(new OpenCityDirectory(), stores);
  ingest.push(`${lines.join('\n')}\n`);
  ingest.end();
  return stores.summarize();
}

describe(mergeSummaries.name, () => {
  const [header = '', ...rows] = generatedLines(20_000, 7);
  const whole = summaryOf([header, ...rows]);
  const random = seededRandom(99);

  it.each([2, 3, 7])('merges %d random shards into the summary of all rows', (shardCount) => {
    const shards: string[][] = Array.from({ length: shardCount }, () => [header]);
    for (const row of rows) shards[Math.floor(random() * shardCount)]!.push(row);
    const parts = shards.map(summaryOf);
    expect(mergeSummaries(...parts)).toEqual(whole);
    expect(mergeSummaries(...[...parts].reverse())).toEqual(whole);
  });

  it('is associative and commutative, with the empty summary as identity', () => {
    const shards: string[][] = [[header], [header], [header]];
    rows.forEach((row, index) => shards[index % 3]!.push(row));
    const [a, b, c] = shards.map(summaryOf) as [Summary, Summary, Summary];
    expect(mergeSummaries(mergeSummaries(a, b), c)).toEqual(
      mergeSummaries(a, mergeSummaries(b, c)),
    );
    expect(mergeSummaries(a, b)).toEqual(mergeSummaries(b, a));
    expect(mergeSummaries(a, EMPTY_SUMMARY)).toEqual(a);
    expect(mergeSummaries(EMPTY_SUMMARY, a)).toEqual(a);
    expect(mergeSummaries(mergeSummaries(a, b), c)).toEqual(whole);
  });

  it.each([2, 5])("merges a city's %d parts by model into its whole summary", (of) => {
    const stores = new CityStores();
    const ingest = new CsvIngest(new OpenCityDirectory(), stores);
    ingest.push(`${[header, ...rows].join('\n')}\n`);
    ingest.end();
    for (const city of stores.cities()) {
      const columns = stores.storeFor(city).columns();
      const parts = Array.from({ length: of }, (_, index) => ({
        cities: [summarizeCity(columns, 0, { index, of })],
      }));
      expect(parts.every(({ cities: [part] }) => part!.cells.month.length > 0)).toBe(true);
      expect(mergeSummaries(...parts)).toEqual({ cities: [summarizeCity(columns)] });
    }
  });

  it('survives a trip through JSON, as between processes', () => {
    expect(JSON.parse(JSON.stringify(whole))).toEqual(whole);
  });
});
