import { describe, expect, it } from '@jest/globals';
import { expectClose, threeCitiesReport } from '../../../../../../test/support/fixtures.js';
import {
  THREE_CITIES_REPORT,
  months,
} from '../../../../../../test/support/three-cities-expected.js';

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
      // January, before the range, made 45 000 + 800: February's growth is on it.
      {
        city: 'Lyon',
        months: months(
          [
            ['2024-02', 50000, 800, 1, 0],
            ['2024-03', 0, 1300, 0, 1],
          ],
          45800,
          [],
          { current: 45800, lastYear: 0 },
        ),
      },
      // T6 1000/month Feb-Mar, T8 900 in Mar; January made T5's 60 000.
      {
        city: 'Paris',
        months: months(
          [
            ['2024-02', 0, 1000, 0, 1],
            ['2024-03', 30000, 1900, 1, 1],
          ],
          60000,
          [],
          { current: 60000, lastYear: 0 },
        ),
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
    // T4's twelve months run from 2024-03 to 2025-02: January 2025 earns 500 too. A year
    // before, January 2024 made 45 000 + 800, February 50 000 + 800 and March 0 + 1 300.
    expectClose(
      report.data.monthly[0]!.months,
      months(
        [
          ['2025-02', 0, 500, 0, 0],
          ['2025-03', 0, 0, 0, 0],
        ],
        500,
        [50800, 1300],
        { current: 500, lastYear: 45800 },
      ),
    );
  });
});
