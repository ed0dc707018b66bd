import { count, object, perCity, ratio } from '../json-schema.js';

export const ROTATION_SCHEMA = perCity({
  rentals: count('Rentals dated in the range', 5914),
  averageMonths: ratio('Mean length in months', 25.3),
  medianMonths: ratio('Median length in months', 24),
  minMonths: ratio('Shortest, in months', 1),
  maxMonths: ratio('Longest, in months', 48),
  byModel: {
    type: 'array',
    description: 'Sorted by model',
    items: object({
      model: { type: 'string', example: 'Audi_A3' },
      rentals: count('Rentals', 472),
      averageMonths: { type: 'number', description: 'Mean length in months', example: 25.32 },
    }),
  },
});
