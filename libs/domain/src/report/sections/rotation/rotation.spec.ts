import { describe, it } from '@jest/globals';
import { expectClose, threeCitiesReport } from '../../../../../../test/support/fixtures.js';
import { THREE_CITIES_REPORT } from '../../../../../../test/support/three-cities-expected.js';

describe('rotation section', () => {
  it('describes the rental lengths of the range per city and model', () => {
    expectClose(threeCitiesReport().data.rotation, THREE_CITIES_REPORT.data.rotation);
  });

  it('counts only the rentals dated in the range', () => {
    const lyon = threeCitiesReport({ city: 'Lyon', from: '2024-03' }).data.rotation[0]!;
    expectClose([lyon.rentals, lyon.medianMonths, lyon.minMonths], [1, 12, 12]);
  });
});
