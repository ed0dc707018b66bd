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
  /** The revenue target of the month (null when none is set; for several cities, unless each has one). */
  readonly target: number | null;
  /** Revenue from January to this month of its year. */
  readonly yearToDate: number;
  /** Revenue of the same months a year earlier. */
  readonly yearToDateLastYear: number;
  /** (yearToDate - yearToDateLastYear) / yearToDateLastYear; null when that period made nothing. */
  readonly yearToDateChange: number | null;
}

export interface CityMonthly {
  readonly city: string;
  readonly months: readonly MonthRevenueGrowth[];
}
