import { formatMonth } from '../../../model/month.js';
import { total, type CityFacts } from '../../city-facts.js';
import { backtest, fitLine, linearMethod, seasonalMethod, type Method } from '../../forecasting.js';
import { round4, toCents } from '../../money.js';
import type { CityForecast, ForecastMethod, MonthForecast, Trend } from './types.js';
import { defineSection } from '../define-section.js';
import { FORECAST_SCHEMA } from './schema.js';
import { FORECAST_LABELS, FORECAST_TABLE } from './table.js';

export const FORECAST = defineSection({
  path: 'forecast',
  summary: 'Least-squares trend over the last months and the forecast after them',
  build: ({ facts, query }) =>
    facts.map((city) =>
      forecastSection(
        city,
        query.window,
        query.horizon,
        // The month in progress, when the range ends on it, is not a month to fit or replay.
        query.asOf !== undefined && city.from + city.span - 1 === query.asOf.month
          ? city.span - 1
          : city.span,
      ),
    ),
  schema: FORECAST_SCHEMA,
  table: FORECAST_TABLE,
  labels: FORECAST_LABELS,
});

/** Below this share of the window's mean revenue, a monthly slope counts as flat. */
const FLAT_SLOPE_SHARE = 0.01;

/**
 * The brief's trend (a line through the last `window` months), a seasonally adjusted forecast,
 * and a backtest of both over the last months, which names the more accurate one.
 */
export function forecastSection(
  facts: CityFacts,
  window: number,
  horizon: number,
  span = facts.span,
): CityForecast {
  const totals = Array.from({ length: span }, (_, offset) => total(facts, offset) / 100);
  const size = Math.min(window, span);
  const first = span - size;
  const points: MonthForecast[] = totals.slice(first).map((revenue, x) => ({
    month: formatMonth(facts.from + first + x),
    revenue: toCents(revenue),
  }));
  const { slope, intercept, r2 } = fitLine(totals.slice(first));
  const mean = totals.slice(first).reduce((acc, revenue) => acc + revenue, 0) / Math.max(size, 1);
  const next = facts.from + span;
  const months = (method: Method): MonthForecast[] =>
    size === 0
      ? []
      : method(totals, facts.from, window, horizon).map((revenue, step) => ({
          month: formatMonth(next + step),
          revenue: toCents(revenue),
        }));
  const linear = backtest(linearMethod, totals, facts.from, window);
  const seasonal = backtest(seasonalMethod, totals, facts.from, window);
  return {
    city: facts.city,
    window: points,
    slope: toCents(slope),
    intercept: toCents(intercept),
    r2: r2 === null ? null : round4(r2),
    trend: trend(slope, mean),
    forecast: months(linearMethod),
    seasonalForecast: months(seasonalMethod),
    backtest: {
      months: linear.months,
      linearMape: linear.mape === null ? null : round4(linear.mape),
      seasonalMape: seasonal.mape === null ? null : round4(seasonal.mape),
      best: best(linear.mape, seasonal.mape),
    },
  };
}

function best(linear: number | null, seasonal: number | null): ForecastMethod | null {
  if (linear === null || seasonal === null) return null;
  return seasonal < linear ? 'seasonal' : 'linear';
}

function trend(slope: number, mean: number): Trend {
  if (slope === 0 || Math.abs(slope) < FLAT_SLOPE_SHARE * Math.abs(mean)) return 'flat';
  return slope > 0 ? 'up' : 'down';
}
