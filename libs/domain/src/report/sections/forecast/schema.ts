import { count, euros, month, object, perCity, ratio, type JsonSchema } from '../json-schema.js';

const MONTH_REVENUE_SCHEMA: JsonSchema = object({
  month,
  revenue: euros('Monthly total', 2_431_870),
});

export const FORECAST_SCHEMA = perCity({
  window: {
    type: 'array',
    description: 'The last `window` months of the range',
    items: MONTH_REVENUE_SCHEMA,
  },
  slope: euros('Least-squares slope per month', 861_697),
  intercept: euros('Intercept at the first month of the window', 18_363_388),
  r2: ratio('Coefficient of determination', 0.11),
  trend: { type: 'string', enum: ['up', 'down', 'flat'], example: 'up' },
  forecast: {
    type: 'array',
    description: 'The next `horizon` months on the line (the brief’s method)',
    items: MONTH_REVENUE_SCHEMA,
  },
  seasonalForecast: {
    type: 'array',
    description:
      'The next `horizon` months: the line fitted on deseasonalised revenue, times each month’s seasonal index',
    items: MONTH_REVENUE_SCHEMA,
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
});
