import { describe, expect, it } from '@jest/globals';
import { expectClose, threeCitiesReport } from '../../support/fixtures.js';
import { THREE_CITIES_REPORT, month } from '../../support/three-cities-expected.js';

describe('monthly section', () => {
  it('gives each city a dense contract-basis series over the data range', () => {
    const report = threeCitiesReport();
    expect([report.from, report.to, report.cities]).toEqual([
      '2024-01',
      '2024-03',
      ['Lyon', 'Marseille', 'Paris'],
    ]);
    expectClose(report.data.monthly, THREE_CITIES_REPORT.data.monthly);
  });

  it('spreads rents over their months on the recognized basis, earlier starts included', () => {
    const report = threeCitiesReport({ basis: 'recognized', from: '2024-02', city: 'Lyon,PARIS' });
    expect(report.cities).toEqual(['Lyon', 'Paris']);
    expectClose(report.data.monthly, [
      // T2 (800/month Jan-Mar) started before the range; T4 (500/month from Mar) joins in March.
      {
        city: 'Lyon',
        months: [month('2024-02', 50000, 800, 1, 0), month('2024-03', 0, 1300, 0, 1)],
      },
      // T6 1000/month Feb-Mar, T8 900 in Mar.
      {
        city: 'Paris',
        months: [month('2024-02', 0, 1000, 0, 1), month('2024-03', 30000, 1900, 1, 1)],
      },
    ]);
  });

  it('extends the series with zeros past the data when the range asks for it', () => {
    const report = threeCitiesReport({
      basis: 'recognized',
      from: '2025-02',
      to: '2025-03',
      city: 'Lyon',
    });
    // T4's twelve months run from 2024-03 to 2025-02.
    expectClose(report.data.monthly[0]!.months, [
      month('2025-02', 0, 500, 0, 0),
      month('2025-03', 0, 0, 0, 0),
    ]);
  });
});
