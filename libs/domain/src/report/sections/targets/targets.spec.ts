import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { fixturePath, loadFixture } from '../../../../../../test/support/fixtures.js';
import { FixedCityDirectory } from '../../../model/cities.js';
import { parseReportQuery } from '../../../query/report-query.js';
import { readTargetsCsv } from '../../../targets/read-targets.js';
import { TargetBook } from '../../../targets/target-book.js';
import { buildReport } from '../../build-report.js';
import type { Report } from '../../report.js';
import type { TargetFigures } from './types.js';

/** ok/three-cities.csv against ok/targets-three-cities.csv. */
function report(): Report {
  const reading = readTargetsCsv(
    readFileSync(fixturePath('ok/targets-three-cities.csv'), 'utf8'),
    new FixedCityDirectory(['Lyon', 'Marseille', 'Paris']),
  );
  return buildReport(
    loadFixture('ok/three-cities.csv').stores.summarize(),
    parseReportQuery({}),
    undefined,
    new TargetBook(reading.targets),
  );
}

const none = (actual: number): TargetFigures => ({
  actual,
  target: null,
  variance: null,
  varianceRate: null,
  attainment: null,
});

describe('targets section', () => {
  it('gives attainment, variance and year-to-date attainment as worked out by hand', () => {
    const { targets, monthly, company } = report().data;
    const [lyon, marseille, paris] = targets.cities;
    // Lyon made 47 400 (T1 45 000 + T2 800 x 3), 50 000 and 6 000 against 50 000, 40 000, 10 000.
    expect(
      lyon!.months.map((m) => [
        m.month,
        m.actual,
        m.target,
        m.variance,
        m.varianceRate,
        m.attainment,
      ]),
    ).toEqual([
      ['2024-01', 47400, 50000, -2600, -0.052, 0.948],
      ['2024-02', 50000, 40000, 10000, 0.25, 1.25],
      ['2024-03', 6000, 10000, -4000, -0.4, 0.6],
    ]);
    // Since January: 103 400 against 100 000.
    expect(lyon!.months[2]!.yearToDate).toEqual({
      months: 3,
      actual: 103400,
      target: 100000,
      attainment: 1.034,
    });
    // Marseille: 35 000.50 against 35 000 in February, no target in January or March.
    expect(marseille!.months.map((m) => m.attainment)).toEqual([null, 1, null]);
    expect(marseille!.months[1]!.variance).toBe(0.5);
    // Paris in January: a sales target (50 000) and a rentals one (5 000) make a total of 55 000
    // against T5's 60 000; March has only a sales target: no total.
    const january = paris!.months[0]!;
    expect([january.target, january.attainment]).toEqual([55000, 1.0909]);
    expect(january.sales).toEqual({
      actual: 60000,
      target: 50000,
      variance: 10000,
      varianceRate: 0.2,
      attainment: 1.2,
    });
    expect(january.rentals).toEqual({
      actual: 0,
      target: 5000,
      variance: -5000,
      varianceRate: -1,
      attainment: 0,
    });
    const march = paris!.months[2]!;
    expect([march.target, march.sales.attainment]).toEqual([null, 1]);
    expect(march.yearToDate).toEqual({
      months: 1,
      actual: 60000,
      target: 55000,
      attainment: 1.0909,
    });
    // The monthly section carries the same targets beside the actuals.
    expect(monthly.map((city) => city.months.map((m) => m.target))).toEqual([
      [50000, 40000, 10000],
      [null, 35000, null],
      [55000, null, null],
    ]);
    // No month has a target in every city: the company has none.
    expect(targets.company!.months.map((m) => m.target)).toEqual([null, null, null]);
    expect(company.months.map((m) => m.target)).toEqual([null, null, null]);
  });

  it('gives the company a target when each city has one: their sum', () => {
    const reading = readTargetsCsv(
      'ville,mois,objectif\nLyon,2024-02,40000\nParis,2024-02,10000\nMarseille,2024-02,30000\n',
      new FixedCityDirectory(['Lyon', 'Marseille', 'Paris']),
    );
    const { targets } = buildReport(
      loadFixture('ok/three-cities.csv').stores.summarize(),
      parseReportQuery({ from: '2024-02', to: '2024-02' }),
      undefined,
      new TargetBook(reading.targets),
    ).data;
    // February: Lyon 50 000 + Paris 2 000 (T6 1 000 x 2) + Marseille 35 000.50 = 87 000.50.
    expect(targets.company!.months[0]).toMatchObject({
      actual: 87000.5,
      target: 80000,
      variance: 7000.5,
      attainment: 1.0875,
    });
  });

  it('leaves every figure but the actual empty without targets', () => {
    const { targets } = buildReport(
      loadFixture('ok/three-cities.csv').stores.summarize(),
      parseReportQuery({ from: '2024-01', to: '2024-01', city: 'Lyon' }),
    ).data;
    expect(targets.cities[0]!.months[0]).toEqual({
      month: '2024-01',
      ...none(47400),
      sales: none(45000),
      rentals: none(2400),
      yearToDate: { months: 0, actual: 0, target: null, attainment: null },
    });
  });
});
