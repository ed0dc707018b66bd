import { describe, it } from '@jest/globals';
import { expectClose, threeCitiesReport } from '../../../../../../test/support/fixtures.js';
import { THREE_CITIES_REPORT } from '../../../../../../test/support/three-cities-expected.js';

describe('split section', () => {
  it('splits each city between sales and rentals, shares of its own totals', () => {
    expectClose(threeCitiesReport().data.split, THREE_CITIES_REPORT.data.split);
  });

  it('gives null shares to a city with nothing in the range', () => {
    const { split } = threeCitiesReport({ city: 'Marseille', from: '2024-03' }).data;
    expectClose(split, [
      {
        city: 'Marseille',
        sales: { revenue: 0, count: 0, revenueShare: null, countShare: null },
        rentals: { revenue: 0, count: 0, revenueShare: null, countShare: null },
      },
    ]);
  });
});
