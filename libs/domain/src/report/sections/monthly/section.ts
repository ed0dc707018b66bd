import { formatMonth } from '../../../model/month.js';
import { total, type CityFacts } from '../../city-facts.js';
import type { MonthIndex } from '../../../model/month.js';
import { monthChange, yearToDateCents } from '../../growth.js';
import { euros, ratio } from '../../money.js';
import type { CityMonthly } from './types.js';
import { defineSection } from '../define-section.js';
import { MONTHLY_SCHEMA } from './schema.js';
import { MONTHLY_LABELS, MONTHLY_TABLE } from './table.js';

export const MONTHLY = defineSection({
  path: 'monthly',
  summary: 'Monthly revenue per city (sales + rentals), every month of the range',
  build: ({ facts, history, targets }) =>
    facts.map((city, index) =>
      monthlySection(city, history[index]!, (month) => targets.cents(city.city, month, 'total')),
    ),
  schema: MONTHLY_SCHEMA,
  table: MONTHLY_TABLE,
  labels: MONTHLY_LABELS,
});

/**
 * Every month of the range, with its change on the month before and on the year before, its year
 * to date against the same months a year earlier, and its target in cents (`targetOf`).
 */
export function monthlySection(
  facts: CityFacts,
  history: CityFacts,
  targetOf: (month: MonthIndex) => number | undefined,
): CityMonthly {
  return {
    city: facts.city,
    months: Array.from({ length: facts.span }, (_, offset) => {
      const month = facts.from + offset;
      const target = targetOf(month);
      const yearToDate = yearToDateCents(history, month);
      return {
        month: formatMonth(month),
        sales: euros(facts.sales[offset]!),
        rentals: euros(facts.rentals[offset]!),
        total: euros(total(facts, offset)),
        salesCount: facts.salesCount[offset]!,
        rentalsCount: facts.rentalsCount[offset]!,
        growth: monthChange(history, month, 1),
        yearOverYear: monthChange(history, month, 12),
        target: target === undefined ? null : euros(target),
        yearToDate: euros(yearToDate.current),
        yearToDateLastYear: euros(yearToDate.lastYear),
        yearToDateChange: ratio(yearToDate.current - yearToDate.lastYear, yearToDate.lastYear),
      };
    }),
  };
}
