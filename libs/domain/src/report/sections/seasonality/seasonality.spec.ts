import { describe, it } from '@jest/globals';
import { expectClose, threeCitiesReport } from '../../../../../../test/support/fixtures.js';
import { THREE_CITIES_REPORT } from '../../../../../../test/support/three-cities-expected.js';

describe('seasonality section', () => {
  it('indexes each calendar month against the mean month and lists month-over-month changes', () => {
    expectClose(threeCitiesReport().data.seasonality, THREE_CITIES_REPORT.data.seasonality);
  });

  it('averages a calendar month over its occurrences in the range', () => {
    const lyon = threeCitiesReport({
      city: 'Lyon',
      basis: 'recognized',
      from: '2024-02',
      to: '2025-02',
    }).data.seasonality[0]!;
    // Recognized totals: 2024-02 50000 + 800, 2025-02 500 (T4's last month); every other month
    // of the range holds one occurrence.
    const february = lyon.months.find((entry) => entry.month === 2);
    expectClose(february?.averageRevenue, (50800 + 500) / 2);
    expectClose(
      lyon.months.map((entry) => entry.month),
      [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
    );
  });
});
