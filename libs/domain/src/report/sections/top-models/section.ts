import type { ModelRanking } from '../../../query/report-query.js';
import type { CityFacts, ModelFacts } from '../../city-facts.js';
import { euros } from '../../money.js';
import type { CityTopModels, ModelRank } from './types.js';
import { defineSection } from '../define-section.js';
import { TOP_MODELS_SCHEMA } from './schema.js';
import { TOP_MODELS_LABELS, TOP_MODELS_TABLE } from './table.js';

export const TOP_MODELS = defineSection({
  path: 'top-models',
  summary: 'Top models per city, sales and rentals, by number of transactions or by revenue',
  build: ({ facts, query }) =>
    facts.map((city) => topModelsSection(city, query.limit, query.rankBy)),
  schema: TOP_MODELS_SCHEMA,
  table: TOP_MODELS_TABLE,
  labels: TOP_MODELS_LABELS,
});

export function topModelsSection(
  facts: CityFacts,
  limit: number,
  rankBy: ModelRanking = 'count',
): CityTopModels {
  return {
    city: facts.city,
    sales: top(facts.models.sales, limit, rankBy),
    rentals: top(facts.models.rentals, limit, rankBy),
  };
}

/**
 * By count: most transactions first, ties by revenue (contract basis). By revenue: the other way
 * round. Then by model name.
 */
function top(
  models: ReadonlyMap<string, ModelFacts>,
  limit: number,
  rankBy: ModelRanking,
): ModelRank[] {
  const byCount = (a: ModelFacts, b: ModelFacts): number =>
    b.count - a.count || b.revenue - a.revenue;
  const byRevenue = (a: ModelFacts, b: ModelFacts): number =>
    b.revenue - a.revenue || b.count - a.count;
  const compare = rankBy === 'count' ? byCount : byRevenue;
  return [...models]
    .sort(([nameA, a], [nameB, b]) => compare(a, b) || (nameA < nameB ? -1 : nameA > nameB ? 1 : 0))
    .slice(0, limit)
    .map(([model, facts]) => ({ model, count: facts.count, revenue: euros(facts.revenue) }));
}
