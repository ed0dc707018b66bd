import { city, count, euros, object, ratio, type JsonSchema } from '../json-schema.js';

export const COMPARISON_SCHEMA: JsonSchema = object({
  cities: {
    type: 'array',
    description: 'Sorted by rank',
    items: object({
      city,
      rank: count('1 = highest revenue (ties by name)', 1),
      revenue: euros('Revenue over the range', 872_673_193),
      share: ratio("Share of the returned cities' revenue", 0.457),
      transactions: count('Transactions dated in the range', 23_756),
      averageTicket: ratio('revenue / transactions, in euros', 36_734.85),
      salesRevenue: euros('Sales revenue', 681_391_330),
      rentalsRevenue: euros('Rental revenue', 191_281_863),
      growth: ratio('(last month - previous month) / previous month', 0.18),
      yearOverYear: ratio('(last month - same month a year earlier) / that month', 0.07),
    }),
  },
  total: object({
    revenue: euros('All returned cities', 1_909_404_313),
    transactions: count('All returned cities', 50_000),
  }),
});
