import { describe, expect, it } from '@jest/globals';
import { nextWorkingTime } from './working-day.js';

describe(nextWorkingTime.name, () => {
  it('moves a review due on a public holiday to the next working day, same Paris time', () => {
    // Friday 1 January 2027, 08:00 in Paris (07:00 UTC): Monday 4 January.
    expect(nextWorkingTime(new Date('2027-01-01T07:00:00Z')).toISOString()).toBe(
      '2027-01-04T07:00:00.000Z',
    );
    // Friday 1 May 2026, then the weekend: Monday 4 May, 08:00 in summer time (06:00 UTC).
    expect(nextWorkingTime(new Date('2026-05-01T06:00:00Z')).toISOString()).toBe(
      '2026-05-04T06:00:00.000Z',
    );
    // Whit Monday 25 May 2026: Tuesday 26.
    expect(nextWorkingTime(new Date('2026-05-25T06:00:00Z')).toISOString()).toBe(
      '2026-05-26T06:00:00.000Z',
    );
  });

  it('keeps a working day as it is', () => {
    expect(nextWorkingTime(new Date('2026-12-01T07:00:00Z')).toISOString()).toBe(
      '2026-12-01T07:00:00.000Z',
    );
  });
});
