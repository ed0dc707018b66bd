import { count, euros, object, perCity, type JsonSchema } from '../json-schema.js';

const MODEL_RANK_SCHEMA: JsonSchema = object({
  model: { type: 'string', example: 'BMW_X3' },
  count: count('Transactions', 64),
  revenue: euros('Contract-basis revenue', 3_712_000),
});

export const TOP_MODELS_SCHEMA = perCity({
  sales: { type: 'array', description: 'At most `limit` models', items: MODEL_RANK_SCHEMA },
  rentals: { type: 'array', description: 'At most `limit` models', items: MODEL_RANK_SCHEMA },
});
