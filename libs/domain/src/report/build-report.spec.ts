import { describe, expect, it } from '@jest/globals';
import { parseReportQuery } from '#domain/query';
import { buildReport } from '#domain/report';
import { EMPTY_SUMMARY } from '#domain/summary';
import { threeCitiesReport } from '../../../../test/support/fixtures.js';

describe(buildReport.name, () => {
  it('matches cities case-insensitively and answers with their canonical spelling', () => {
    expect(threeCitiesReport({ city: 'paris,LYON,lyon' }).cities).toEqual(['Lyon', 'Paris']);
  });

  it('names the known cities when asked for an unknown one', () => {
    expect(() => threeCitiesReport({ city: 'Lyon,Nice' })).toThrow(
      'unknown city "Nice"; known cities: Lyon, Marseille, Paris',
    );
  });

  it('rejects a range that ends before the data starts', () => {
    expect(() => threeCitiesReport({ to: '2023-12' })).toThrow(
      /from \(2024-01\) is after to \(2023-12\)/,
    );
  });

  it('reports nothing, with no range, on no data', () => {
    const report = buildReport(EMPTY_SUMMARY, parseReportQuery({}));
    expect(report).toEqual({
      basis: 'contract',
      from: null,
      to: null,
      cities: [],
      data: {
        monthly: [],
        split: [],
        comparison: { cities: [], total: { revenue: 0, transactions: 0 } },
        topModels: [],
        seasonality: [],
        rotation: [],
        margins: [],
        forecast: [],
        company: {
          cities: [],
          months: [],
          split: {
            sales: { revenue: 0, count: 0, revenueShare: null, countShare: null },
            rentals: { revenue: 0, count: 0, revenueShare: null, countShare: null },
          },
        },
        progress: { asOf: null, month: null, throughDay: null, cities: [], company: null },
        targets: { cities: [], company: null },
      },
    });
  });
});
