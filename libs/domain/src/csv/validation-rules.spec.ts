import { describe, expect, it } from '@jest/globals';
import { CityStores, CsvIngest } from '#domain/ingest';
import { FixedCityDirectory, OpenCityDirectory } from '#domain/model';
import { loadFixture } from '../../../../test/support/fixtures.js';

describe('CSV validation rules (not-ok/every-rule.csv)', () => {
  const { ingest, stores } = loadFixture(
    'not-ok/every-rule.csv',
    new FixedCityDirectory(['Lyon', 'Paris', 'Marseille']),
  );

  it('counts every record once: accepted, duplicate, conflict or rejected', () => {
    expect(ingest.counts).toEqual({
      rows: 21,
      accepted: 1,
      duplicates: 0,
      conflicts: 1,
      rejected: 19,
    });
  });

  it('rejects an id stored with other content, naming every field that differs', () => {
    // Line 21 gives OK1 (line 2: 2024-01-10, BMW_X3, 45000) another date, model and price.
    expect(ingest.errors.find((entry) => entry.line === 21)).toEqual({
      line: 21,
      code: 'CONFLICTING_DUPLICATE',
      field: 'date',
      fields: ['date', 'modele', 'prix'],
      transactionId: 'OK1',
      message: expect.stringMatching(
        /^line 21: transaction_id "OK1" is already stored with another date, modele, prix/,
      ),
    });
  });

  it.each([
    [3, 'TOO_FEW_FIELDS', undefined, 'R01'],
    [4, 'MISSING_TRANSACTION_ID', 'transaction_id', undefined],
    [5, 'INVALID_DATE', 'date', 'R03'],
    [6, 'INVALID_DATE', 'date', 'R04'],
    [7, 'MISSING_CITY', 'ville', 'R05'],
    [8, 'CITY_NOT_SERVED', 'ville', 'R06'],
    [9, 'INVALID_TYPE', 'type', 'R07'],
    [10, 'MISSING_MODEL', 'modele', 'R08'],
    [11, 'INVALID_PRICE', 'prix', 'R09'],
    [12, 'INVALID_PRICE', 'prix', 'R10'],
    [13, 'INVALID_PRICE', 'prix', 'R11'],
    [14, 'INVALID_DURATION', 'duree_location_mois', 'R12'],
    [15, 'INVALID_DURATION', 'duree_location_mois', 'R13'],
    [16, 'INVALID_DURATION', 'duree_location_mois', 'R14'],
    [17, 'INVALID_DURATION', 'duree_location_mois', 'R15'],
    [18, 'UNEXPECTED_DURATION', 'duree_location_mois', 'R16'],
    [19, 'INVALID_COST', 'cout', 'R17'],
    [20, 'INVALID_COST', 'cout', 'R18'],
    [22, 'UNTERMINATED_QUOTE', undefined, undefined],
  ])('rejects line %d with %s on %s', (line, code, field, transactionId) => {
    const error = ingest.errors.find((entry) => entry.line === line);
    expect(error).toEqual({
      line,
      code,
      field,
      transactionId,
      message: expect.stringMatching(new RegExp(`^line ${line}: `)),
    });
  });

  it('keeps the first occurrence of a reused id', () => {
    const lyon = stores.storeFor('Lyon').columns();
    expect([lyon.length, lyon.models[lyon.model[0]!], lyon.priceCents[0]]).toEqual([
      1,
      'BMW_X3',
      4_500_000,
    ]);
  });
});

describe('a record with more fields than the header', () => {
  it('is rejected (TOO_MANY_FIELDS), not stored with its fields shifted', () => {
    const ingest = new CsvIngest(new OpenCityDirectory(), new CityStores());
    ingest.push(
      'transaction_id,date,ville,type,modele,prix,duree_location_mois\n' +
        // A decimal comma: 799,5 and then 12 months.
        'X1,2024-03-01,Lyon,location,BMW_X3,799,5,12\n' +
        'X2,2024-03-01,Lyon,location,BMW_X3,799,12\n',
    );
    ingest.end();
    expect(ingest.counts).toMatchObject({ accepted: 1, rejected: 1 });
    expect(ingest.errors.map(({ line, code }) => [line, code])).toEqual([[2, 'TOO_MANY_FIELDS']]);
  });
});
