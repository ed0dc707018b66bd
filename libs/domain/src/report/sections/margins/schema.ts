import { count, euros, object, perCity, ratio, type JsonSchema } from '../json-schema.js';

const MARGIN_SCHEMA: JsonSchema = object({
  revenue: euros('Contract-basis revenue', 31_234_560),
  cost: euros('Actual cost where `cout` is given, else revenue x the default rate', 26_549_376),
  margin: euros('revenue - cost', 4_685_184),
  marginRate: ratio('margin / revenue', 0.15),
  count: count('Transactions', 612),
  basis: { type: 'string', enum: ['actual', 'estimated', 'mixed'], example: 'estimated' },
  estimatedCostRate: {
    type: 'number',
    description:
      'Share of revenue counted as cost for rows without `cout` (COST_RATE_SALE / COST_RATE_RENTAL)',
    example: 0.85,
  },
});

export const MARGINS_SCHEMA = perCity({ sales: MARGIN_SCHEMA, rentals: MARGIN_SCHEMA });
