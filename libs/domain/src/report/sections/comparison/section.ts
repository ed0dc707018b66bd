import { sum, total, type CityFacts } from '../../city-facts.js';
import { monthChange } from '../../growth.js';
import { euros, ratio } from '../../money.js';
import type { CityComparison, Comparison } from './types.js';
import { defineSection } from '../define-section.js';
import { COMPARISON_SCHEMA } from './schema.js';
import { COMPARISON_LABELS, COMPARISON_TABLE } from './table.js';

export const COMPARISON = defineSection({
  path: 'comparison',
  summary: 'Cities ranked by revenue: share, average ticket, last-month growth',
  build: ({ facts, history }) => comparisonSection(facts, history),
  schema: COMPARISON_SCHEMA,
  table: COMPARISON_TABLE,
  labels: COMPARISON_LABELS,
});

export function comparisonSection(
  allFacts: readonly CityFacts[],
  history: readonly CityFacts[],
): Comparison {
  const rows = allFacts.map((facts, index) => {
    const salesRevenue = sum(facts.sales);
    const rentalsRevenue = sum(facts.rentals);
    const last = facts.span - 1;
    return {
      city: facts.city,
      revenue: salesRevenue + rentalsRevenue,
      transactions: sum(facts.salesCount) + sum(facts.rentalsCount),
      salesRevenue,
      rentalsRevenue,
      growth:
        facts.span < 2
          ? null
          : ratio(total(facts, last) - total(facts, last - 1), total(facts, last - 1)),
      yearOverYear: facts.span === 0 ? null : monthChange(history[index]!, facts.from + last, 12),
    };
  });
  rows.sort((a, b) => b.revenue - a.revenue || (a.city < b.city ? -1 : a.city > b.city ? 1 : 0));
  const revenue = rows.reduce((acc, row) => acc + row.revenue, 0);
  const transactions = rows.reduce((acc, row) => acc + row.transactions, 0);
  const cities = rows.map((row, position): CityComparison => ({
    city: row.city,
    rank: position + 1,
    revenue: euros(row.revenue),
    share: ratio(row.revenue, revenue),
    transactions: row.transactions,
    averageTicket: row.transactions === 0 ? null : euros(row.revenue / row.transactions),
    salesRevenue: euros(row.salesRevenue),
    rentalsRevenue: euros(row.rentalsRevenue),
    growth: row.growth,
    yearOverYear: row.yearOverYear,
  }));
  return { cities, total: { revenue: euros(revenue), transactions } };
}
