import { city, object } from '../json-schema.js';
import { MONTHS_WITH_GROWTH_SCHEMA } from '../monthly/schema.js';
import { SPLIT_PART_SCHEMA } from '../split/schema.js';

export const COMPANY_SCHEMA = object({
  cities: { type: 'array', items: city, description: 'The cities summed' },
  months: MONTHS_WITH_GROWTH_SCHEMA,
  split: object({ sales: SPLIT_PART_SCHEMA, rentals: SPLIT_PART_SCHEMA }),
});
