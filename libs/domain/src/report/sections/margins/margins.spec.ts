import { describe, it } from '@jest/globals';
import { expectClose, threeCitiesReport } from '../../../../../../test/support/fixtures.js';
import { THREE_CITIES_REPORT } from '../../../../../../test/support/three-cities-expected.js';

describe('margins section', () => {
  it('uses actual costs where given and the default rates (sale 0.85, rental 0.70) elsewhere', () => {
    expectClose(threeCitiesReport().data.margins, THREE_CITIES_REPORT.data.margins);
  });
});
