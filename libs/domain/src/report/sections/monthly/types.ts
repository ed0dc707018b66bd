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
