import { SimpleLinearRegression } from 'ml-regression-simple-linear';
import { monthOf, type MonthIndex } from '../model/month.js';

export interface Line {
  readonly slope: number;
  readonly intercept: number;
  /** Coefficient of determination; null for fewer than 2 points or a constant series. */
  readonly r2: number | null;
}

/** Least squares over x = 0..n-1 (ml-regression-simple-linear); one point or none is flat. */
export function fitLine(values: readonly number[]): Line {
  if (values.length < 2) return { slope: 0, intercept: values[0] ?? 0, r2: null };
  const regression = new SimpleLinearRegression(
    values.map((_, x) => x),
    [...values],
  );
  // r2 as 1 - SSres / SStot: the library's score() answers NaN where no correlation exists.
  const mean = values.reduce((acc, value) => acc + value, 0) / values.length;
  let residual = 0;
  let spread = 0;
  values.forEach((value, x) => {
    residual += (value - regression.predict(x)) ** 2;
    spread += (value - mean) ** 2;
  });
  return {
    slope: regression.slope,
    intercept: regression.intercept,
    r2: spread === 0 ? null : 1 - residual / spread,
  };
}

/**
 * The seasonal index of each calendar month (index 0 = January) from monthly totals starting at
 * `first`: the month's mean over its occurrences / the mean of those means, as the seasonality
 * section defines it. A calendar month not seen, or a series that made nothing, has index 1.
 */
export function calendarIndexes(totals: readonly number[], first: MonthIndex): number[] {
  const sums = new Array<number>(12).fill(0);
  const seen = new Array<number>(12).fill(0);
  totals.forEach((total, offset) => {
    const calendar = monthOf(first + offset) - 1;
    sums[calendar]! += total;
    seen[calendar]! += 1;
  });
  const averages = sums.flatMap((sum, calendar) =>
    seen[calendar] === 0 ? [] : [sum / seen[calendar]!],
  );
  const mean = averages.reduce((acc, average) => acc + average, 0) / Math.max(averages.length, 1);
  return sums.map((sum, calendar) =>
    seen[calendar] === 0 || mean === 0 ? 1 : sum / seen[calendar]! / mean,
  );
}

/** A forecasting method: from the totals before a month (and the first month's index), the next ones. */
export type Method = (
  history: readonly number[],
  first: MonthIndex,
  window: number,
  ahead: number,
) => number[];

/** The brief's method: a straight line through the last `window` totals, extended. */
export const linearMethod: Method = (history, _first, window, ahead) => {
  const recent = history.slice(-window);
  const line = fitLine(recent);
  return Array.from(
    { length: ahead },
    (_, step) => line.intercept + line.slope * (recent.length + step),
  );
};

/**
 * The line fitted on the last `window` totals divided by their seasonal index (from all the
 * history), extended, and multiplied back by the index of each month forecast.
 */
export const seasonalMethod: Method = (history, first, window, ahead) => {
  const indexes = calendarIndexes(history, first);
  const index = (offset: number): number => {
    const value = indexes[monthOf(first + offset) - 1]!;
    return value === 0 ? 1 : value;
  };
  const start = Math.max(0, history.length - window);
  const adjusted = history.slice(start).map((total, x) => total / index(start + x));
  const line = fitLine(adjusted);
  return Array.from(
    { length: ahead },
    (_, step) =>
      (line.intercept + line.slope * (adjusted.length + step)) * index(history.length + step),
  );
};

/** Months the backtest replays, at most. */
export const BACKTEST_MONTHS = 12;

/**
 * Mean absolute percentage error of `method`'s one-month-ahead forecasts over the last
 * BACKTEST_MONTHS months of `totals`: each forecast made from the months before it only, with at
 * least `window` of them; months that made nothing are skipped (no percentage of 0). Null when no
 * month can be replayed.
 */
export function backtest(
  method: Method,
  totals: readonly number[],
  first: MonthIndex,
  window: number,
): { months: number; mape: number | null } {
  let errors = 0;
  let months = 0;
  for (
    let target = Math.max(window, totals.length - BACKTEST_MONTHS);
    target < totals.length;
    target += 1
  ) {
    const actual = totals[target]!;
    if (actual === 0) continue;
    const [predicted] = method(totals.slice(0, target), first, window, 1);
    errors += Math.abs(predicted! - actual) / Math.abs(actual);
    months += 1;
  }
  return { months, mape: months === 0 ? null : errors / months };
}
