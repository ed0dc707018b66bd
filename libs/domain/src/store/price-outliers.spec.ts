import { describe, expect, it } from '@jest/globals';
import { CityStores, CsvIngest } from '#domain/ingest';
import { OpenCityDirectory } from '#domain/model';

const HEADER = 'transaction_id,date,ville,type,modele,prix,duree_location_mois';
const sale = (id: string, price: number, model = 'BMW_X1'): string =>
  `${id},2024-03-02,Lyon,vente,${model},${price},NULL`;

function load(lines: string[]): CsvIngest {
  const ingest = new CsvIngest(new OpenCityDirectory(), new CityStores());
  ingest.push([HEADER, ...lines].join('\n'));
  ingest.end();
  return ingest;
}

describe('price outliers', () => {
  // 20 BMW_X1 sales from 39 050 to 40 950: their median, 40 000, is the usual price.
  const usual = Array.from({ length: 20 }, (_, i) => sale(`U${i}`, 39_050 + i * 100));

  it('stores a price beyond 5 times the usual one, either way, and flags its line', () => {
    const ingest = load([
      ...usual,
      sale('TYPO', 1_500_000_000),
      sale('LOW', 7_000),
      sale('OK', 199_999),
    ]);
    expect(ingest.counts).toMatchObject({ accepted: 23, rejected: 0 });
    expect(
      ingest.warnings.map(({ line, code, field, transactionId }) => [
        line,
        code,
        field,
        transactionId,
      ]),
    ).toEqual([
      [22, 'PRICE_OUTLIER', 'prix', 'TYPO'],
      [23, 'PRICE_OUTLIER', 'prix', 'LOW'],
    ]);
    expect(ingest.warnings[0]?.message).toBe(
      'line 22: prix 1500000000 is more than 5 times away from the usual 40000 for BMW_X1 in Lyon: stored, check it (correct it with PUT /transactions/{id})',
    );
  });

  it('judges nothing before 20 prices of the model, and each model on its own', () => {
    const ingest = load([
      ...usual.slice(0, 19),
      sale('EARLY', 1_500_000),
      sale('OTHER', 1_500_000, 'Tesla_Model_3'),
    ]);
    expect(ingest.warnings).toEqual([]);
  });
});
