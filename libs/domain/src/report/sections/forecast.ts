import { SimpleLinearRegression } from 'ml-regression-simple-linear';
import { formatMonth } from '../../model/month.js';
import { total, type CityFacts } from '../city-facts.js';
import { euros, round4, toCents } from '../money.js';
import type { CityForecast, MonthForecast, Trend } from '../report.js';

/** Below this share of the window's mean revenue, a monthly slope counts as flat. */
const FLAT_SLOPE_SHARE = 0.01;

export function forecastSection(facts: CityFacts, window: number, horizon: number): CityForecast {
  const size = Math.min(window, facts.span);
  const first = facts.span - size;
  const points: MonthForecast[] = Array.from({ length: size }, (_, x) => ({
    month: formatMonth(facts.from + first + x),
    revenue: euros(total(facts, first + x)),
  }));
  const { slope, intercept, r2 } = fit(points.map((point) => point.revenue));
  const mean = points.reduce((acc, point) => acc + point.revenue, 0) / Math.max(size, 1);
  const next = facts.from + facts.span;
  const forecast =
    size === 0
      ? []
      : Array.from({ length: horizon }, (_, step) => ({
          month: formatMonth(next + step),
          revenue: toCents(intercept + slope * (size + step)),
        }));
  return {
    city: facts.city,
    window: points,
    slope: toCents(slope),
    intercept: toCents(intercept),
    r2: r2 === null ? null : round4(r2),
    trend: trend(slope, mean),
    forecast,
  };
}

/** Least squares over x = 0..n-1; one point or none gives a flat line with no r2. */
function fit(revenues: number[]): { slope: number; intercept: number; r2: number | null } {
  if (revenues.length < 2) {
    return { slope: 0, intercept: revenues[0] ?? 0, r2: null };
  }
  const xs = revenues.map((_, x) => x);
  const regression = new SimpleLinearRegression(xs, revenues);
  // r2 as 1 - SSres / SStot: the library's score() answers NaN where no correlation exists.
  const mean = revenues.reduce((acc, revenue) => acc + revenue, 0) / revenues.length;
  let residual = 0;
  let spread = 0;
  revenues.forEach((revenue, x) => {
    residual += (revenue - regression.predict(x)) ** 2;
    spread += (revenue - mean) ** 2;
  });
  return {
    slope: regression.slope,
    intercept: regression.intercept,
    r2: spread === 0 ? null : 1 - residual / spread,
  };
}

function trend(slope: number, mean: number): Trend {
  if (slope === 0 || Math.abs(slope) < FLAT_SLOPE_SHARE * Math.abs(mean)) return 'flat';
  return slope > 0 ? 'up' : 'down';
}
