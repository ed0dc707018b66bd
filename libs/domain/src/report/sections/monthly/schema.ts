import {
  count,
  euros,
  month,
  object,
  perCity,
  ratio,
  yearOverYear,
  type JsonSchema,
} from '../json-schema.js';

/** A month with its change on the month before and the year before (monthly, company). */
export const MONTHS_WITH_GROWTH_SCHEMA: JsonSchema = {
  type: 'array',
  description: 'Every month of the range, zeros included',
  items: object({
    month,
    sales: euros('Sales revenue', 2_040_560),
    rentals: euros('Rental revenue on the requested basis', 391_310),
    total: euros('sales + rentals', 2_431_870),
    salesCount: count('Sales dated in the month', 41),
    rentalsCount: count('Rentals dated in the month', 27),
    growth: ratio('(total - previous month) / previous month', 0.082),
    yearOverYear,
    target: {
      ...euros(
        'The revenue target of the month (POST /targets); for several cities, the sum when each has one',
        2_300_000,
      ),
      nullable: true,
    },
    yearToDate: euros('Revenue from January to this month', 19_874_300),
    yearToDateLastYear: euros('Revenue of the same months a year earlier', 18_420_150),
    yearToDateChange: ratio('(yearToDate - yearToDateLastYear) / yearToDateLastYear', 0.079),
  }),
};

export const MONTHLY_SCHEMA = perCity({ months: MONTHS_WITH_GROWTH_SCHEMA });
