import { describe, it } from '@jest/globals';
import { expectClose, threeCitiesReport } from '../../../../../../test/support/fixtures.js';
import { THREE_CITIES_REPORT } from '../../../../../../test/support/three-cities-expected.js';

describe('comparison section', () => {
  it('ranks the cities by revenue with shares, tickets and last-month growth', () => {
    expectClose(threeCitiesReport().data.comparison, THREE_CITIES_REPORT.data.comparison);
  });

  it('breaks revenue ties by name and has no growth for a one-month range', () => {
    const { cities } = threeCitiesReport({ from: '2024-01', to: '2024-01', city: 'Marseille,Lyon' })
      .data.comparison;
    expectClose(
      cities.map(({ city, rank, revenue, growth, averageTicket, share }) => ({
        city,
        rank,
        revenue,
        growth,
        averageTicket,
        share,
      })),
      [
        { city: 'Lyon', rank: 1, revenue: 47400, growth: null, averageTicket: 47400 / 2, share: 1 },
        { city: 'Marseille', rank: 2, revenue: 0, growth: null, averageTicket: null, share: 0 },
      ],
    );
  });
});
