import type { ReportData } from '../api/types.js';

type ModelRank = ReportData['topModels'][number]['sales'][number];

/**
 * The selection's models of one type, summed over its cities and ranked (by count, then revenue;
 * or by revenue, then count). Exact when each city's list holds all its models (limit=50).
 */
export function companyTop(
  cities: ReportData['topModels'],
  type: 'sales' | 'rentals',
  by: 'count' | 'revenue',
): ModelRank[] {
  const sums = new Map<string, ModelRank>();
  for (const city of cities) {
    for (const m of city[type]) {
      const sum = sums.get(m.model);
      sums.set(m.model, {
        model: m.model,
        count: (sum?.count ?? 0) + m.count,
        revenue: (sum?.revenue ?? 0) + m.revenue,
      });
    }
  }
  const rank =
    by === 'count'
      ? (a: ModelRank, b: ModelRank) => b.count - a.count || b.revenue - a.revenue
      : (a: ModelRank, b: ModelRank) => b.revenue - a.revenue || b.count - a.count;
  return [...sums.values()].sort(rank);
}
