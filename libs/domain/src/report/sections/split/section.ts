import { sum, type CityFacts } from '../../city-facts.js';
import { euros, ratio } from '../../money.js';
import type { CitySplit, SplitPart } from './types.js';
import { defineSection } from '../define-section.js';
import { SPLIT_SCHEMA } from './schema.js';
import { SPLIT_LABELS, SPLIT_TABLE } from './table.js';

export const SPLIT = defineSection({
  path: 'split',
  summary: 'Sales / rentals split per city, revenue and count shares',
  build: ({ facts }) => facts.map(splitSection),
  schema: SPLIT_SCHEMA,
  table: SPLIT_TABLE,
  labels: SPLIT_LABELS,
});

export function splitSection(facts: CityFacts): CitySplit {
  const sales = { revenue: sum(facts.sales), count: sum(facts.salesCount) };
  const rentals = { revenue: sum(facts.rentals), count: sum(facts.rentalsCount) };
  const part = (own: typeof sales): SplitPart => ({
    revenue: euros(own.revenue),
    count: own.count,
    revenueShare: ratio(own.revenue, sales.revenue + rentals.revenue),
    countShare: ratio(own.count, sales.count + rentals.count),
  });
  return { city: facts.city, sales: part(sales), rentals: part(rentals) };
}
