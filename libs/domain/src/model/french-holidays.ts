/**
 * France's public holidays (jours fériés, Code du travail L3133-1), for the dealer's sites (none
 * is in Alsace-Moselle): eight fixed dates, and Easter Monday, Ascension Thursday and Whit Monday,
 * which follow Easter.
 */
const FIXED = ['01-01', '05-01', '05-08', '07-14', '08-15', '11-01', '11-11', '12-25'];
/** Days after Easter Sunday: Easter Monday, Ascension, Whit Monday. */
const AFTER_EASTER = [1, 39, 50];

/** Whether a day (`YYYY-MM-DD`) is a public holiday in France. */
export function isFrenchPublicHoliday(day: string): boolean {
  const year = Number(day.slice(0, 4));
  if (FIXED.includes(day.slice(5))) return true;
  const easter = easterSunday(year);
  return AFTER_EASTER.some(
    (offset) => new Date(easter.getTime() + offset * 86_400_000).toISOString().slice(0, 10) === day,
  );
}

/** Easter Sunday of a Gregorian year, at 00:00 UTC (the anonymous Gregorian algorithm). */
function easterSunday(year: number): Date {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const dayOfMonth = ((h + l - 7 * m + 114) % 31) + 1;
  return new Date(Date.UTC(year, month - 1, dayOfMonth));
}
