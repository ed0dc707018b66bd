export interface MonthForecast {
  readonly month: string;
  readonly revenue: number;
}

export type Trend = 'up' | 'down' | 'flat';
export type ForecastMethod = 'linear' | 'seasonal';

export interface ForecastBacktest {
  /** Months replayed (the last 12 at most, with `window` months before each). */
  readonly months: number;
  /** Mean absolute percentage error of each method's one-month-ahead forecasts. */
  readonly linearMape: number | null;
  readonly seasonalMape: number | null;
  /** The method with the smaller error; null when nothing could be replayed. */
  readonly best: ForecastMethod | null;
}

export interface CityForecast {
  readonly city: string;
  readonly window: readonly MonthForecast[];
  readonly slope: number;
  readonly intercept: number;
  readonly r2: number | null;
  readonly trend: Trend;
  /** The brief's method: the line extended. */
  readonly forecast: readonly MonthForecast[];
  /** The line fitted on deseasonalised revenue, times each month's seasonal index. */
  readonly seasonalForecast: readonly MonthForecast[];
  readonly backtest: ForecastBacktest;
}
