import type { RevenueBasis } from '../query/report-query.js';
import type { ReportData } from './sections/registry.js';

/** Money is in euros, unrounded; months are `YYYY-MM`. Per-city lists are sorted by city. */
export interface Report {
  readonly basis: RevenueBasis;
  readonly from: string | null;
  readonly to: string | null;
  readonly cities: readonly string[];
  readonly data: ReportData;
}

export interface MonthRevenue {
  readonly month: string;
  readonly sales: number;
  readonly rentals: number;
  readonly total: number;
  readonly salesCount: number;
  readonly rentalsCount: number;
}

/** A month of the `monthly` and `company` sections, with its change on earlier months. */
export interface MonthRevenueGrowth extends MonthRevenue {
  /** Change on the month before (null when that month made nothing). */
  readonly growth: number | null;
  /** Change on the same month a year earlier (null when that month made nothing). */
  readonly yearOverYear: number | null;
}
export interface CityMonthly {
  readonly city: string;
  readonly months: readonly MonthRevenueGrowth[];
}

export interface SplitPart {
  readonly revenue: number;
  readonly count: number;
  readonly revenueShare: number | null;
  readonly countShare: number | null;
}
export interface CitySplit {
  readonly city: string;
  readonly sales: SplitPart;
  readonly rentals: SplitPart;
}

export interface CityComparison {
  readonly city: string;
  readonly rank: number;
  readonly revenue: number;
  readonly share: number | null;
  readonly transactions: number;
  readonly averageTicket: number | null;
  readonly salesRevenue: number;
  readonly rentalsRevenue: number;
  readonly growth: number | null;
  /** The last month's change on the same month a year earlier. */
  readonly yearOverYear: number | null;
}
export interface Comparison {
  readonly cities: readonly CityComparison[];
  readonly total: { readonly revenue: number; readonly transactions: number };
}

export interface ModelRank {
  readonly model: string;
  readonly count: number;
  readonly revenue: number;
}
export interface CityTopModels {
  readonly city: string;
  readonly sales: readonly ModelRank[];
  readonly rentals: readonly ModelRank[];
}

export interface SeasonalMonth {
  readonly month: number;
  readonly averageRevenue: number;
  readonly index: number | null;
}
export interface MonthChange {
  readonly month: string;
  readonly change: number | null;
  readonly yearOverYear: number | null;
}
export interface CitySeasonality {
  readonly city: string;
  readonly months: readonly SeasonalMonth[];
  readonly monthOverMonth: readonly MonthChange[];
}

export interface ModelRotation {
  readonly model: string;
  readonly rentals: number;
  readonly averageMonths: number;
}
export interface CityRotation {
  readonly city: string;
  readonly rentals: number;
  readonly averageMonths: number | null;
  readonly medianMonths: number | null;
  readonly minMonths: number | null;
  readonly maxMonths: number | null;
  readonly byModel: readonly ModelRotation[];
}

export type CostBasis = 'actual' | 'estimated' | 'mixed';
export interface Margin {
  readonly revenue: number;
  readonly cost: number;
  readonly margin: number;
  readonly marginRate: number | null;
  readonly count: number;
  readonly basis: CostBasis;
  /** The share of revenue counted as cost where a row gives no `cout` (COST_RATE_*). */
  readonly estimatedCostRate: number;
}
export interface CityMargins {
  readonly city: string;
  readonly sales: Margin;
  readonly rentals: Margin;
}

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

/** Every selected city together: the company's months and its sales/rentals split. */
export interface CompanyTotals {
  readonly cities: readonly string[];
  readonly months: readonly MonthRevenueGrowth[];
  readonly split: { readonly sales: SplitPart; readonly rentals: SplitPart };
}
