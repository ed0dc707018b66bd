import { formatMonth } from '../../../model/month.js';
import { total, type CityFacts } from '../../city-facts.js';
import { monthChange } from '../../growth.js';
import { euros } from '../../money.js';
import type { CityMonthly } from './types.js';
import { defineSection } from '../define-section.js';
import { MONTHLY_SCHEMA } from './schema.js';
import { MONTHLY_LABELS, MONTHLY_TABLE } from './table.js';

export const MONTHLY = defineSection({
  path: 'monthly',
  summary: 'Monthly revenue per city (sales + rentals), every month of the range',
  build: ({ facts, history }) => facts.map((city, index) => monthlySection(city, history[index]!)),
  schema: MONTHLY_SCHEMA,
  table: MONTHLY_TABLE,
  labels: MONTHLY_LABELS,
});

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
