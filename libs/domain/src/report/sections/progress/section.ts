import { formatMonth } from '../../../model/month.js';
import type { DayTotals } from '../../../summary/summary.js';
import type { CityFacts } from '../../city-facts.js';
import { euros, ratio } from '../../money.js';
import { defineSection } from '../define-section.js';
import { PROGRESS_SCHEMA } from './schema.js';
import { PROGRESS_LABELS, PROGRESS_TABLE } from './table.js';
import type { DaysToDate, PeriodToDate, Progress, ProgressFigures } from './types.js';

export const PROGRESS = defineSection({
  path: 'progress',
  summary:
    'The month in progress (asOf: today in Europe/Paris) month-to-date against the same days of the month before and of the year before, and how recent each city’s data is',
  build: ({ facts, query }): Progress => {
    const { asOf } = query;
    if (asOf === undefined) {
      return { asOf: null, month: null, throughDay: null, cities: [], company: null };
    }
    const figures = (days: readonly DayTotals[]): ProgressFigures =>
      progressFigures(days, asOf.month, asOf.day);
    return {
      asOf: `${formatMonth(asOf.month)}-${String(asOf.day).padStart(2, '0')}`,
      month: formatMonth(asOf.month),
      throughDay: asOf.day,
      cities: facts.map((city) => ({ city: city.city, ...figures([city.days]) })),
      company: figures(facts.map((city: CityFacts) => city.days)),
    };
  },
  schema: PROGRESS_SCHEMA,
  table: PROGRESS_TABLE,
  labels: PROGRESS_LABELS,
});

/** Days 1 to `throughDay` of `month` and of the months compared with it, over some cities' days. */
export function progressFigures(
  cities: readonly DayTotals[],
  month: number,
  throughDay: number,
): ProgressFigures {
  const current = daysToDate(cities, month, throughDay);
  const previousMonth = daysToDate(cities, month - 1, throughDay);
  const lastYear = daysToDate(cities, month - 12, throughDay);
  const yearToDate = periodToDate(cities, month, throughDay);
  const yearToDateLastYear = periodToDate(cities, month - 12, throughDay);
  return {
    current,
    previousMonth,
    lastYear,
    growth: change(current, previousMonth),
    yearOverYear: change(current, lastYear),
    yearToDate,
    yearToDateLastYear,
    yearToDateChange: change(yearToDate, yearToDateLastYear),
    lastDate: latestDay(cities),
  };
}

/** January 1st of `month`'s year to day `throughDay` of `month`. */
function periodToDate(
  cities: readonly DayTotals[],
  month: number,
  throughDay: number,
): PeriodToDate {
  const january = month - (month % 12);
  return {
    from: `${formatMonth(january)}-01`,
    to: `${formatMonth(month)}-${String(throughDay).padStart(2, '0')}`,
    ...totalsBetween(cities, january, month, throughDay),
  };
}

function daysToDate(cities: readonly DayTotals[], month: number, throughDay: number): DaysToDate {
  return { month: formatMonth(month), ...totalsBetween(cities, month, month, throughDay) };
}

/** Revenue and transactions from the first day of `first` to day `throughDay` of `last`. */
function totalsBetween(
  cities: readonly DayTotals[],
  first: number,
  last: number,
  throughDay: number,
): { revenue: number; transactions: number } {
  let cents = 0;
  let transactions = 0;
  for (const days of cities) {
    for (let entry = 0; entry < days.month.length; entry += 1) {
      const month = days.month[entry]!;
      if (month < first || month > last || (month === last && days.day[entry]! > throughDay)) {
        continue;
      }
      cents += days.revenue[entry]!;
      transactions += days.count[entry]!;
    }
  }
  return { revenue: euros(cents), transactions };
}

/** Relative change; null when the days compared with made nothing. */
function change(
  now: Pick<DaysToDate, 'revenue'>,
  before: Pick<DaysToDate, 'revenue' | 'transactions'>,
): number | null {
  return before.transactions === 0 ? null : ratio(now.revenue - before.revenue, before.revenue);
}

function latestDay(cities: readonly DayTotals[]): string | null {
  let best: [number, number] | undefined;
  for (const days of cities) {
    const last = days.month.length - 1;
    if (last < 0) continue;
    const candidate: [number, number] = [days.month[last]!, days.day[last]!];
    if (
      best === undefined ||
      candidate[0] > best[0] ||
      (candidate[0] === best[0] && candidate[1] > best[1])
    ) {
      best = candidate;
    }
  }
  return best === undefined ? null : `${formatMonth(best[0])}-${String(best[1]).padStart(2, '0')}`;
}
