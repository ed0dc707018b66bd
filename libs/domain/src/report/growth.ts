import { total, type CityFacts } from './city-facts.js';
import { ratio } from './money.js';

/** Months of history before the range that every section may look back on (a year). */
export const LOOKBACK_MONTHS = 12;

/**
 * The change of month `offset` of the range on the month `back` months earlier, from a city's
 * history (its facts from LOOKBACK_MONTHS before the range): null when that month made nothing.
 */
export function monthChange(history: CityFacts, offset: number, back: 1 | 12): number | null {
  const now = total(history, offset + LOOKBACK_MONTHS);
  const before = total(history, offset + LOOKBACK_MONTHS - back);
  return ratio(now - before, before);
}
