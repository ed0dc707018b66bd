import type { TargetBook } from '../../../targets/target-book.js';
import type { CityFacts } from '../../city-facts.js';
import type { CompanyTotals } from './types.js';
import { monthlySection } from '../monthly/section.js';
import { splitSection } from '../split/section.js';
import { defineSection } from '../define-section.js';
import { COMPANY_SCHEMA } from './schema.js';
import { COMPANY_LABELS, COMPANY_TABLE } from './table.js';

export const COMPANY = defineSection({
  path: 'company',
  summary: 'All the cities together: each month with its growth, and the sales / rentals split',
  build: ({ facts, history, targets }) => companySection(facts, history, targets),
  schema: COMPANY_SCHEMA,
  table: COMPANY_TABLE,
  labels: COMPANY_LABELS,
});

/** The selected cities as one: each month and the split, from the cities' summed facts. */
export function companySection(
  facts: readonly CityFacts[],
  history: readonly CityFacts[],
  targets: TargetBook,
): CompanyTotals {
  const company = combine(facts);
  const cities = facts.map((city) => city.city);
  const { months } = monthlySection(company, combine(history), (month) =>
    targets.sumOf(cities, month, 'total'),
  );
  const { sales, rentals } = splitSection(company);
  return { cities, months, split: { sales, rentals } };
}

/** The element-wise sum of the cities' series (all facts of a report share one month axis). */
function combine(facts: readonly CityFacts[]): CityFacts {
  const first = facts[0];
  const span = first?.span ?? 0;
  const series = (pick: (city: CityFacts) => Float64Array): Float64Array => {
    const sum = new Float64Array(span);
    for (const city of facts) pick(city).forEach((value, offset) => (sum[offset]! += value));
    return sum;
  };
  return {
    city: 'all',
    from: first?.from ?? 0,
    span,
    sales: series((city) => city.sales),
    salesCount: series((city) => city.salesCount),
    rentals: series((city) => city.rentals),
    rentalsCount: series((city) => city.rentalsCount),
    models: { sales: new Map(), rentals: new Map() },
    types: first?.types ?? {
      sales: { count: 0, revenue: 0, costed: 0, cost: 0, uncostedRevenue: 0 },
      rentals: { count: 0, revenue: 0, costed: 0, cost: 0, uncostedRevenue: 0 },
    },
    durationCounts: new Float64Array(0),
    // Monthly and split read none of these; the company's month in progress is `progress`'s.
    days: { month: [], day: [], count: [], revenue: [] },
  };
}
