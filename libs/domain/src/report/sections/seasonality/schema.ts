import { count, euros, month, object, perCity, ratio, yearOverYear } from '../json-schema.js';

export const SEASONALITY_SCHEMA = perCity({
  months: {
    type: 'array',
    items: object({
      month: count('Calendar month, 1-12', 3),
      averageRevenue: euros("Mean of that month's totals over the range", 2_710_220.5),
      index: ratio('averageRevenue / mean of all averageRevenue', 1.12),
    }),
  },
  monthOverMonth: {
    type: 'array',
    items: object({
      month,
      change: ratio('(total - previous) / previous', -0.06),
      yearOverYear,
    }),
  },
});
