import { count, euros, object, perCity, ratio, type JsonSchema } from '../json-schema.js';

export const SPLIT_PART_SCHEMA: JsonSchema = object({
  revenue: euros('Revenue', 31_234_560),
  count: count('Transactions', 612),
  revenueShare: ratio("Share of the city's revenue", 0.81),
  countShare: ratio("Share of the city's transactions", 0.6),
});

export const SPLIT_SCHEMA = perCity({ sales: SPLIT_PART_SCHEMA, rentals: SPLIT_PART_SCHEMA });
