import { formatMonth } from '../../model/month.js';
import { total, type CityFacts } from '../city-facts.js';
import { monthChange } from '../growth.js';
import { euros } from '../money.js';
import type { CityMonthly } from '../report.js';

/** Every month of the range, with its change on the month before and on the year before. */
export function monthlySection(facts: CityFacts, history: CityFacts): CityMonthly {
  return {
    city: facts.city,
    months: Array.from({ length: facts.span }, (_, offset) => ({
      month: formatMonth(facts.from + offset),
      sales: euros(facts.sales[offset]!),
      rentals: euros(facts.rentals[offset]!),
      total: euros(total(facts, offset)),
      salesCount: facts.salesCount[offset]!,
      rentalsCount: facts.rentalsCount[offset]!,
      growth: monthChange(history, offset, 1),
      yearOverYear: monthChange(history, offset, 12),
    })),
  };
}
