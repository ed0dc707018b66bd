import { describe, it } from '@jest/globals';
import { expectClose, threeCitiesReport } from '../../support/fixtures.js';
import { THREE_CITIES_REPORT } from '../../support/three-cities-expected.js';

describe('topModels section', () => {
  it('ranks models by count, then contract revenue, then name', () => {
    expectClose(threeCitiesReport().data.topModels, THREE_CITIES_REPORT.data.topModels);
  });

  it('keeps the first `limit` models only', () => {
    const lyon = threeCitiesReport({ city: 'Lyon', limit: '1' }).data.topModels[0]!;
    expectClose(lyon.rentals, [{ model: 'Audi_A3', count: 1, revenue: 6000 }]);
  });
});
