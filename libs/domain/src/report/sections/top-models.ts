import type { CityFacts, ModelFacts } from '../city-facts.js';
import { euros } from '../money.js';
import type { CityTopModels, ModelRank } from '../report.js';

export function topModelsSection(facts: CityFacts, limit: number): CityTopModels {
  return {
    city: facts.city,
    sales: top(facts.models.sales, limit),
    rentals: top(facts.models.rentals, limit),
  };
}

/** Most transactions first; ties by revenue (contract basis), then by model name. */
function top(models: ReadonlyMap<string, ModelFacts>, limit: number): ModelRank[] {
  return [...models]
    .sort(
      ([nameA, a], [nameB, b]) =>
        b.count - a.count || b.revenue - a.revenue || (nameA < nameB ? -1 : nameA > nameB ? 1 : 0),
    )
    .slice(0, limit)
    .map(([model, facts]) => ({ model, count: facts.count, revenue: euros(facts.revenue) }));
}
