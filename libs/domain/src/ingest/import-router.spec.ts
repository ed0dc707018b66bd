import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { fixturePath } from '../../../../test/support/fixtures.js';
import { FixedCityDirectory } from '../model/cities.js';
import { ErrorCode, type RowError } from '../model/errors.js';
import { ImportRouter, type CityRecords, type RouteLimits } from './import-router.js';

const HEADER = 'transaction_id,date,ville,type,modele,prix,duree_location_mois';
const LIMITS: RouteLimits = {
  batchRows: 2,
  batchBytes: 1000,
  maxRecordChars: 10_000,
  recordOverhead: 1,
};

interface Routed {
  readonly batches: { city: string; records: CityRecords }[];
  readonly rejected: RowError[];
  readonly rows: number;
}

function route(
  text: string,
  limits = LIMITS,
  cities = ['Lyon', 'Paris'],
  refusal?: (city: string) => string | undefined,
): Routed {
  const batches: { city: string; records: CityRecords }[] = [];
  const rejected: RowError[] = [];
  const router = new ImportRouter(
    new FixedCityDirectory(cities),
    limits,
    {
      batch: (city, { columns, lines, utf8 }) =>
        batches.push({ city, records: { columns, lines, csv: new TextDecoder().decode(utf8) } }),
      rejected: (error) => rejected.push(error),
    },
    undefined,
    refusal,
  );
  router.push(text);
  router.end();
  return { batches, rejected, rows: router.rows };
}

describe(ImportRouter.name, () => {
  it('cuts each city its batches of batchRows records, in the file order, with their lines', () => {
    const text = [
      HEADER,
      'A,2024-01-05,Lyon,vente,BMW_X3,45000,NULL',
      'B,2024-01-06,paris,vente,Audi_A3,31000,NULL',
      'C,2024-01-07,Lyon,location,BMW_X3,800,12',
      'D,2024-01-08,Lyon,vente,Tesla_Model_3,42000,NULL',
    ].join('\n');
    const { batches, rejected, rows } = route(text);
    expect(rows).toBe(4);
    expect(rejected).toEqual([]);
    expect(batches.map(({ city, records }) => [city, records.lines, records.csv])).toEqual([
      [
        'Lyon',
        [2, 4],
        'A,2024-01-05,Lyon,vente,BMW_X3,45000,NULL\nC,2024-01-07,Lyon,location,BMW_X3,800,12',
      ],
      ['Paris', [3], 'B,2024-01-06,paris,vente,Audi_A3,31000,NULL'],
      ['Lyon', [5], 'D,2024-01-08,Lyon,vente,Tesla_Model_3,42000,NULL'],
    ]);
    expect(batches[0]?.records.columns).toEqual(HEADER.split(','));
  });

  it('refuses by line, with FORBIDDEN_CITY, the records of a city the writer may not write, and routes the others', () => {
    const text = [
      HEADER,
      'A,2024-01-05,Lyon,vente,BMW_X3,45000,NULL',
      ' B ,2024-01-06,paris,vente,Audi_A3,31000,NULL',
    ].join('\n');
    const { batches, rejected } = route(text, LIMITS, ['Lyon', 'Paris'], (city) =>
      city === 'Paris' ? 'may not write Paris' : undefined,
    );
    expect(batches.map(({ city, records }) => [city, records.lines])).toEqual([['Lyon', [2]]]);
    expect(rejected).toEqual([
      {
        line: 3,
        code: ErrorCode.ForbiddenCity,
        field: 'ville',
        transactionId: 'B',
        message: 'line 3: may not write Paris',
      },
    ]);
  });

  it('refuses a record of no served city with the first rule it breaks, and one too big for a batch', () => {
    const text = [
      HEADER,
      'A,2024-01-05,Nice,vente,BMW_X3,45000,NULL',
      'B,2024-13-05,Nice,vente,BMW_X3,45000,NULL',
      `C,2024-01-05,Lyon,vente,${'X'.repeat(1000)},45000,NULL`,
    ].join('\n');
    const { batches, rejected } = route(text);
    expect(batches).toEqual([]);
    expect(rejected.map((error) => [error.line, error.code])).toEqual([
      [2, ErrorCode.CityNotServed],
      [3, ErrorCode.InvalidDate],
      [4, ErrorCode.RecordTooLong],
    ]);
  });

  it('fills batches up to batchBytes of UTF-8 on the wire, multi-byte text whole and in order', () => {
    const records = Array.from(
      { length: 40 },
      (_, index) =>
        `U${index},2024-01-05,Lyon,vente,Citroën_東京_${'😀'.repeat(index % 5)},45000,NULL`,
    );
    const limits = { ...LIMITS, batchRows: 1000, batchBytes: 300, recordOverhead: 12 };
    const { batches, rejected } = route([HEADER, ...records].join('\n'), limits);
    expect(rejected).toEqual([]);
    const wire = (text: string): number => new TextEncoder().encode(text).length + 12;
    let next = 0;
    for (const { records: batch } of batches) {
      const held = batch.csv.split('\n');
      expect(held).toEqual(records.slice(next, next + held.length));
      expect(batch.lines).toEqual(held.map((_, index) => next + index + 2));
      const bytes = held.reduce((sum, record) => sum + wire(record), 0);
      expect(bytes).toBeLessThanOrEqual(300);
      next += held.length;
      // Full: the next record would not have fitted.
      if (next < records.length) expect(bytes + wire(records[next]!)).toBeGreaterThan(300);
    }
    expect(next).toBe(records.length);
  });

  it('reads a French Excel file as the same records as its standard twin', () => {
    const standard = route(readFileSync(fixturePath('ok/three-cities.csv'), 'utf8'), LIMITS, [
      'Lyon',
      'Paris',
      'Marseille',
    ]);
    const french = route(
      readFileSync(fixturePath('ok/three-cities-excel-fr.csv'), 'utf8'),
      LIMITS,
      ['Lyon', 'Paris', 'Marseille'],
    );
    expect(french.rows).toBe(standard.rows);
    expect(french.batches.map((b) => [b.city, b.records.lines])).toEqual(
      standard.batches.map((b) => [b.city, b.records.lines]),
    );
  });
});
