import { describe, expect, it } from '@jest/globals';
import { expectClose, threeCitiesReport } from '../../support/fixtures.js';
import { THREE_CITIES_REPORT } from '../../support/three-cities-expected.js';

describe('forecast section', () => {
  it('fits the last three monthly totals and extends the line', () => {
    expectClose(threeCitiesReport().data.forecast, THREE_CITIES_REPORT.data.forecast);
  });

  it('honours window and horizon, and calls a rising series up', () => {
    const [paris] = threeCitiesReport({ city: 'Paris', from: '2024-02', window: '2', horizon: '1' })
      .data.forecast;
    // 2000 then 30900: slope 28900, intercept 2000, a perfect fit.
    expectClose(paris, {
      city: 'Paris',
      window: [
        { month: '2024-02', revenue: 2000 },
        { month: '2024-03', revenue: 30900 },
      ],
      slope: 28900,
      intercept: 2000,
      r2: 1,
      trend: 'up',
      forecast: [{ month: '2024-04', revenue: 2000 + 2 * 28900 }],
    });
  });

  it('calls a series flat when the slope is under 1% of its mean, and has no r2 for a constant one', () => {
    const marseille = threeCitiesReport({ city: 'Marseille', from: '2024-03', to: '2024-05' }).data
      .forecast[0]!;
    expect(marseille.trend).toBe('flat');
    expect(marseille.slope).toBe(0);
    expect(marseille.r2).toBeNull();
  });
});
