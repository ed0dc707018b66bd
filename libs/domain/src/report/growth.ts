import type { MonthIndex } from '../model/month.js';
import { total, type CityFacts } from './city-facts.js';
import { ratio } from './money.js';

/**
 * The first month of the history every section may look back on: January of the year before the
 * range's first month, so that each month of the range has the month before, the same month a
 * year earlier, its year to date and that of the year before.
 */
export function historyStart(from: MonthIndex): MonthIndex {
  return from - 12 - (from % 12);
}

/** The change of `month` on the month `back` months earlier, from a city's history. */
export function monthChange(history: CityFacts, month: MonthIndex, back: 1 | 12): number | null {
  const now = total(history, month - history.from);
  const before = total(history, month - back - history.from);
  return ratio(now - before, before);
}

/** January to `month` of its year, and the same months a year earlier, in cents. */
export interface YearToDateCents {
  readonly current: number;
  readonly lastYear: number;
}

export function yearToDateCents(history: CityFacts, month: MonthIndex): YearToDateCents {
  let current = 0;
  let lastYear = 0;
  for (let m = month - (month % 12); m <= month; m += 1) {
    current += total(history, m - history.from);
    lastYear += total(history, m - 12 - history.from);
  }
  return { current, lastYear };
}
