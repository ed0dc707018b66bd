import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { fixturePath } from '../../../../test/support/fixtures.js';
import { FixedCityDirectory } from '../model/cities.js';
import { monthIndex } from '../model/month.js';
import { readTargetsCsv, type TargetsReading } from './read-targets.js';

const CITIES = new FixedCityDirectory(['Lyon', 'Marseille', 'Paris']);

function read(name: string): TargetsReading {
  return readTargetsCsv(readFileSync(fixturePath(name), 'utf8'), CITIES);
}

describe(readTargetsCsv.name, () => {
  it('reads every line of a standard file', () => {
    const reading = read('ok/targets-three-cities.csv');
    expect(reading).toMatchObject({ dialect: 'standard', received: 7, errors: [] });
    expect(reading.targets).toEqual([
      { city: 'Lyon', month: monthIndex(2024, 1), scope: 'total', cents: 5_000_000 },
      { city: 'Lyon', month: monthIndex(2024, 2), scope: 'total', cents: 4_000_000 },
      { city: 'Lyon', month: monthIndex(2024, 3), scope: 'total', cents: 1_000_000 },
      { city: 'Paris', month: monthIndex(2024, 1), scope: 'vente', cents: 5_000_000 },
      { city: 'Paris', month: monthIndex(2024, 1), scope: 'location', cents: 500_000 },
      { city: 'Paris', month: monthIndex(2024, 3), scope: 'vente', cents: 3_000_000 },
      { city: 'Marseille', month: monthIndex(2024, 2), scope: 'total', cents: 3_500_000 },
    ]);
  });

  it('reads the same targets from the file Excel saves in French', () => {
    const french = read('ok/targets-three-cities-excel-fr.csv');
    expect(french).toMatchObject({ dialect: 'french-excel', received: 7, errors: [] });
    expect(french.targets).toEqual(read('ok/targets-three-cities.csv').targets);
  });

  it('refuses each bad line by its number and code, and keeps the good ones', () => {
    const reading = read('not-ok/targets-bad-lines.csv');
    expect(reading.errors.map(({ line, code, field }) => [line, code, field])).toEqual([
      [3, 'INVALID_MONTH', 'mois'],
      [4, 'MISSING_CITY', 'ville'],
      [5, 'CITY_NOT_SERVED', 'ville'],
      [6, 'INVALID_TARGET', 'objectif'],
      [7, 'INVALID_TARGET', 'objectif'],
      [8, 'INVALID_TARGET', 'objectif'],
      [9, 'INVALID_TYPE', 'type'],
      [10, 'TOO_FEW_FIELDS', undefined],
      [11, 'TOO_MANY_FIELDS', undefined],
      [12, 'UNTERMINATED_QUOTE', undefined],
      [13, 'DUPLICATE_TARGET', undefined],
    ]);
    expect(reading.errors[0]!.message).toBe(
      'line 3: mois "2024-13" is not a month (YYYY-MM, or MM/YYYY)',
    );
    expect(reading.errors.at(-1)!.message).toBe(
      'line 13: Lyon 2024-01 (total) is already set on line 2',
    );
    expect(reading.targets).toEqual([
      { city: 'Lyon', month: monthIndex(2024, 1), scope: 'total', cents: 5_000_000 },
      { city: 'Paris', month: monthIndex(2024, 2), scope: 'vente', cents: 100_000 },
    ]);
  });

  it('refuses a line of a city the writer may not write, naming why', () => {
    const reading = readTargetsCsv(
      'ville,mois,objectif\nLyon,2024-01,1000\nParis,2024-01,1000\n',
      CITIES,
      (city) => (city === 'Paris' ? 'claire may not write Paris' : undefined),
    );
    expect(reading.errors).toEqual([
      {
        line: 3,
        code: 'FORBIDDEN_CITY',
        field: 'ville',
        transactionId: undefined,
        message: 'line 3: claire may not write Paris',
      },
    ]);
    expect(reading.targets.map((target) => target.city)).toEqual(['Lyon']);
  });

  it('refuses a header without the required columns, naming them', () => {
    expect(() => readTargetsCsv('ville,month,target\nLyon,2024-01,1\n', CITIES)).toThrow(
      'the header lacks required columns mois, objectif',
    );
  });
});
