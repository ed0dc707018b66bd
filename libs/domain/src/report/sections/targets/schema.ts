import { city, count, euros, month, object, ratio, type JsonSchema } from '../json-schema.js';

const nullableEuros = (description: string, example: number): JsonSchema => ({
  ...euros(description, example),
  nullable: true,
});

const FIGURES = {
  actual: euros('Revenue of the month on the requested basis', 2_431_870),
  target: nullableEuros('The target set for it; null when none is', 2_300_000),
  variance: nullableEuros('actual - target', 131_870),
  varianceRate: ratio('(actual - target) / target', 0.0573),
  attainment: ratio('actual / target (1 = target met)', 1.0573),
};

const TARGET_MONTH: JsonSchema = object({
  month,
  ...FIGURES,
  sales: object(FIGURES),
  rentals: object(FIGURES),
  yearToDate: object({
    months: count('Months from January to this one that have a target', 3),
    actual: euros('Revenue of those months', 7_120_400),
    target: nullableEuros('Their targets summed', 6_900_000),
    attainment: ratio('actual / target over those months', 1.0319),
  }),
});

const MONTHS: JsonSchema = {
  type: 'array',
  description: 'Every month of the range',
  items: TARGET_MONTH,
};

export const TARGETS_SCHEMA = object({
  cities: {
    type: 'array',
    description: 'One entry per city, sorted by city',
    items: object({ city, months: MONTHS }),
  },
  company: {
    ...object({ months: MONTHS }),
    nullable: true,
    description:
      'The selected cities together: a month has a target when every one of them has one (their sum)',
  },
});
