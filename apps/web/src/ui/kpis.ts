import type { MonthRevenueGrowth } from '#domain/report';
import { addMonths } from './months.js';

/** One month's figures for a city or the company, compared with the months before. */
export interface MonthKpis {
  readonly month: string;
  readonly revenue: number;
  readonly sales: number;
  readonly rentals: number;
  readonly transactions: number;
  readonly previous: number | null;
  readonly lastYear: number | null;
  /**
   * Change on the previous month, as the API gives it: it looks back before the range, so the
   * first month of a filtered range has one too; null when that month made nothing.
   */
  readonly growth: number | null;
  /** Change on the same month a year earlier; null likewise. */
  readonly yearOverYear: number | null;
  /** Share of the company's revenue that month; null when the company made nothing. */
  readonly shareOfTotal: number | null;
  readonly averageTicket: number | null;
  readonly rentalShare: number | null;
  /** The month's target (null when none is set) and revenue / target. */
  readonly target: number | null;
  readonly attainment: number | null;
  /** January to the month, against the same months a year earlier. */
  readonly yearToDate: number;
  readonly yearToDateLastYear: number;
  readonly yearToDateChange: number | null;
}

/** The figures of `month` in a series (zeros if the month is absent). */
export function kpisAt(
  series: readonly MonthRevenueGrowth[],
  month: string,
  companyRevenue: number,
): MonthKpis {
  const find = (m: string): MonthRevenueGrowth | undefined => series.find((row) => row.month === m);
  const row = find(month);
  const revenue = row?.total ?? 0;
  const transactions = (row?.salesCount ?? 0) + (row?.rentalsCount ?? 0);
  const previous = find(addMonths(month, -1))?.total ?? null;
  const lastYear = find(addMonths(month, -12))?.total ?? null;
  return {
    month,
    revenue,
    sales: row?.sales ?? 0,
    rentals: row?.rentals ?? 0,
    transactions,
    previous,
    lastYear,
    growth: row?.growth ?? null,
    yearOverYear: row?.yearOverYear ?? null,
    shareOfTotal: companyRevenue === 0 ? null : revenue / companyRevenue,
    averageTicket: transactions === 0 ? null : revenue / transactions,
    rentalShare: revenue === 0 ? null : (row?.rentals ?? 0) / revenue,
    target: row?.target ?? null,
    attainment: row === undefined || row.target === null ? null : revenue / row.target,
    yearToDate: row?.yearToDate ?? 0,
    yearToDateLastYear: row?.yearToDateLastYear ?? 0,
    yearToDateChange: row?.yearToDateChange ?? null,
  };
}
