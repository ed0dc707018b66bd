import { describe, expect, it } from '@jest/globals';
import { isFrenchPublicHoliday } from './french-holidays.js';

/** Every day of a year that the function calls a holiday. */
function holidaysOf(year: number): string[] {
  const days: string[] = [];
  for (let date = new Date(Date.UTC(year, 0, 1)); date.getUTCFullYear() === year;) {
    const day = date.toISOString().slice(0, 10);
    if (isFrenchPublicHoliday(day)) days.push(day);
    date = new Date(date.getTime() + 86_400_000);
  }
  return days;
}

describe(isFrenchPublicHoliday.name, () => {
  // From the official calendars (service-public.fr): Easter Sunday 5 April 2026, 28 March 2027,
  // 24 March 2024.
  it('gives the eleven holidays of 2026, 2027 and 2024, Easter-based ones included', () => {
    expect(holidaysOf(2026)).toEqual([
      '2026-01-01',
      '2026-04-06',
      '2026-05-01',
      '2026-05-08',
      '2026-05-14',
      '2026-05-25',
      '2026-07-14',
      '2026-08-15',
      '2026-11-01',
      '2026-11-11',
      '2026-12-25',
    ]);
    expect(holidaysOf(2027).filter((day) => ['03', '04', '05'].includes(day.slice(5, 7)))).toEqual([
      '2027-03-29',
      '2027-05-01',
      '2027-05-06',
      '2027-05-08',
      '2027-05-17',
    ]);
    expect(holidaysOf(2024)).toHaveLength(11);
    expect(holidaysOf(2024)).toContain('2024-04-01');
  });
});
