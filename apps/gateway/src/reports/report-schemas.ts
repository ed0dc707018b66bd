import type { SchemaObject } from '@nestjs/swagger';
import type { SectionName } from '#domain';

/*
 * OpenAPI schemas of the report sections (docs/metrics.md defines each figure). Written as plain
 * schemas because the sections are domain types, which carry no decorators.
 */

const euros = (description: string, example: number): SchemaObject => ({
  type: 'number',
  description: `${description}, in euros to the cent`,
  example,
});
const count = (description: string, example: number): SchemaObject => ({
  type: 'integer',
  description,
  example,
});
const ratio = (description: string, example: number): SchemaObject => ({
  type: 'number',
  nullable: true,
  description: `${description}, to 4 decimals (null when its denominator is 0)`,
  example,
});
const month: SchemaObject = { type: 'string', description: 'YYYY-MM', example: '2025-03' };
const city: SchemaObject = { type: 'string', example: 'Lyon' };
const object = (properties: Record<string, SchemaObject>): SchemaObject => ({
  type: 'object',
  properties,
  required: Object.keys(properties),
});
const perCity = (properties: Record<string, SchemaObject>): SchemaObject => ({
  type: 'array',
  description: 'One entry per city, sorted by city',
  items: object({ city, ...properties }),
});

const splitPart = object({
  revenue: euros('Revenue', 31_234_560),
  count: count('Transactions', 612),
  revenueShare: ratio("Share of the city's revenue", 0.81),
  countShare: ratio("Share of the city's transactions", 0.6),
});
const modelRank = object({
  model: { type: 'string', example: 'BMW_X3' },
  count: count('Transactions', 64),
  revenue: euros('Contract-basis revenue', 3_712_000),
});
const margin = object({
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
const monthRevenue = object({ month, revenue: euros('Monthly total', 2_431_870) });
const growth = ratio('(total - previous month) / previous month', 0.082);
const yearOverYear = ratio('(total - same month a year earlier) / that month', 0.066);
const monthWithGrowth: SchemaObject = {
  type: 'array',
  description: 'Every month of the range, zeros included',
  items: object({
    month,
    sales: euros('Sales revenue', 2_040_560),
    rentals: euros('Rental revenue on the requested basis', 391_310),
    total: euros('sales + rentals', 2_431_870),
    salesCount: count('Sales dated in the month', 41),
    rentalsCount: count('Rentals dated in the month', 27),
    growth,
    yearOverYear,
  }),
};

export const SECTION_SCHEMAS = {
  monthly: perCity({ months: monthWithGrowth }),
  split: perCity({ sales: splitPart, rentals: splitPart }),
  comparison: object({
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
  }),
  topModels: perCity({
    sales: { type: 'array', description: 'At most `limit` models', items: modelRank },
    rentals: { type: 'array', description: 'At most `limit` models', items: modelRank },
  }),
  seasonality: perCity({
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
  }),
  rotation: perCity({
    rentals: count('Rentals dated in the range', 5914),
    averageMonths: ratio('Mean length in months', 25.3),
    medianMonths: ratio('Median length in months', 24),
    minMonths: ratio('Shortest', 1),
    maxMonths: ratio('Longest', 48),
    byModel: {
      type: 'array',
      description: 'Sorted by model',
      items: object({
        model: { type: 'string', example: 'Audi_A3' },
        rentals: count('Rentals', 472),
        averageMonths: { type: 'number', example: 25.32 },
      }),
    },
  }),
  margins: perCity({ sales: margin, rentals: margin }),
  forecast: perCity({
    window: {
      type: 'array',
      description: 'The last `window` months of the range',
      items: monthRevenue,
    },
    slope: euros('Least-squares slope per month', 861_697),
    intercept: euros('Intercept at the first month of the window', 18_363_388),
    r2: ratio('Coefficient of determination', 0.11),
    trend: { type: 'string', enum: ['up', 'down', 'flat'], example: 'up' },
    forecast: {
      type: 'array',
      description: 'The next `horizon` months on the line (the brief’s method)',
      items: monthRevenue,
    },
    seasonalForecast: {
      type: 'array',
      description:
        'The next `horizon` months: the line fitted on deseasonalised revenue, times each month’s seasonal index',
      items: monthRevenue,
    },
    backtest: object({
      months: count('Months replayed (the last 12 at most)', 12),
      linearMape: ratio(
        'Mean absolute percentage error of the linear one-month-ahead forecasts',
        0.1412,
      ),
      seasonalMape: ratio('The same for the seasonal forecasts', 0.0623),
      best: {
        type: 'string',
        // OpenAPI 3.0: a nullable enum lists null among its values.
        enum: ['linear', 'seasonal', null],
        nullable: true,
        description: 'The method with the smaller error (null: nothing to replay)',
        example: 'seasonal',
      },
    }),
  }),
  company: object({
    cities: { type: 'array', items: city, description: 'The cities summed' },
    months: monthWithGrowth,
    split: object({ sales: splitPart, rentals: splitPart }),
  }),
} satisfies Record<SectionName, SchemaObject>;
