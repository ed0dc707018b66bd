import type { CostRates } from '../../../query/report-query.js';
import type { CityFacts, TypeFacts } from '../../city-facts.js';
import { euros, ratio } from '../../money.js';
import type { CityMargins, CostBasis, Margin } from './types.js';
import { defineSection } from '../define-section.js';
import { MARGINS_SCHEMA } from './schema.js';
import { MARGINS_LABELS, MARGINS_TABLE } from './table.js';

export const MARGINS = defineSection({
  path: 'margins',
  summary: 'Margin per type and city, actual or estimated costs',
  build: ({ facts, query }) => facts.map((city) => marginsSection(city, query.costRates)),
  schema: MARGINS_SCHEMA,
  table: MARGINS_TABLE,
  labels: MARGINS_LABELS,
});

export function marginsSection(facts: CityFacts, rates: CostRates): CityMargins {
  return {
    city: facts.city,
    sales: margin(facts.types.sales, rates.sale),
    rentals: margin(facts.types.rentals, rates.rental),
  };
}

function margin(type: TypeFacts, rate: number): Margin {
  const cost = type.cost + type.uncostedRevenue * rate;
  return {
    revenue: euros(type.revenue),
    cost: euros(cost),
    // Revenue is whole cents: the margin is what the two rounded figures above make.
    margin: euros(type.revenue - Math.round(cost)),
    marginRate: ratio(type.revenue - cost, type.revenue),
    count: type.count,
    basis: costBasis(type),
    estimatedCostRate: rate,
  };
}

/** An empty set has no estimated cost, so it counts as actual. */
function costBasis(type: TypeFacts): CostBasis {
  if (type.costed === type.count) return 'actual';
  return type.costed === 0 ? 'estimated' : 'mixed';
}
