import { city, count, euros, month, object, ratio, type JsonSchema } from '../json-schema.js';

const DAYS_TO_DATE: JsonSchema = object({
  month,
  revenue: euros('Contract-basis revenue of days 1 to throughDay', 1_284_500),
  transactions: count('Transactions dated in those days', 34),
});

const lastDate: JsonSchema = {
  type: 'string',
  nullable: true,
  description: 'The latest day with a transaction (YYYY-MM-DD), any month; null when none',
  example: '2025-12-14',
};

const PERIOD_TO_DATE: JsonSchema = object({
  from: { type: 'string', description: 'January 1st (YYYY-MM-DD)', example: '2025-01-01' },
  to: { type: 'string', description: 'The day compared (YYYY-MM-DD)', example: '2025-12-14' },
  revenue: euros('Contract-basis revenue of the period', 24_810_300),
  transactions: count('Transactions dated in the period', 702),
});

const FIGURES = {
  current: DAYS_TO_DATE,
  previousMonth: DAYS_TO_DATE,
  lastYear: DAYS_TO_DATE,
  growth: ratio('(current - previousMonth) / previousMonth', -0.042),
  yearOverYear: ratio('(current - lastYear) / lastYear', 0.031),
  yearToDate: PERIOD_TO_DATE,
  yearToDateLastYear: PERIOD_TO_DATE,
  yearToDateChange: ratio('(yearToDate - yearToDateLastYear) / yearToDateLastYear', 0.054),
  lastDate,
};

export const PROGRESS_SCHEMA = object({
  asOf: {
    type: 'string',
    nullable: true,
    description: 'Today in the dealer’s calendar (Europe/Paris), or the asOf asked',
    example: '2025-12-14',
  },
  month: { ...month, nullable: true, description: 'The month in progress (YYYY-MM)' },
  throughDay: {
    type: 'integer',
    nullable: true,
    description: 'Days 1 to this one are compared',
    example: 14,
  },
  cities: {
    type: 'array',
    description: 'One entry per city, sorted by city',
    items: object({ city, ...FIGURES }),
  },
  company: { ...object(FIGURES), nullable: true },
});
