import { formatMonth } from '../../model/month.js';
import { total, type CityFacts } from '../city-facts.js';
import { euros } from '../money.js';
import type { CityMonthly } from '../report.js';

export function monthlySection(facts: CityFacts): CityMonthly {
  return {
    city: facts.city,
    months: Array.from({ length: facts.span }, (_, offset) => ({
      month: formatMonth(facts.from + offset),
      sales: euros(facts.sales[offset]!),
      rentals: euros(facts.rentals[offset]!),
      total: euros(total(facts, offset)),
      salesCount: facts.salesCount[offset]!,
      rentalsCount: facts.rentalsCount[offset]!,
    })),
  };
}
