/** The first days of one month: its figures from day 1 to the day compared, contract basis. */
export interface DaysToDate {
  readonly month: string;
  readonly revenue: number;
  readonly transactions: number;
}

/** From January 1st to a day (`YYYY-MM-DD`, both included), contract basis. */
export interface PeriodToDate {
  readonly from: string;
  readonly to: string;
  readonly revenue: number;
  readonly transactions: number;
}

/** A city's (or the company's) month in progress against the same days before. */
export interface ProgressFigures {
  /** Days 1 to `throughDay` of the month in progress. */
  readonly current: DaysToDate;
  /** The same days of the month before. */
  readonly previousMonth: DaysToDate;
  /** The same days of the same month a year earlier. */
  readonly lastYear: DaysToDate;
  /** Change on the month before's same days (null when those made nothing). */
  readonly growth: number | null;
  /** Change on the year before's same days (null likewise). */
  readonly yearOverYear: number | null;
  /** January 1st to the day compared, and the same period a year earlier. */
  readonly yearToDate: PeriodToDate;
  readonly yearToDateLastYear: PeriodToDate;
  /** Change of the year to date on the same period a year earlier (null when that made nothing). */
  readonly yearToDateChange: number | null;
  /** The latest day with a transaction, `YYYY-MM-DD`; null when there is none. */
  readonly lastDate: string | null;
}

export interface CityProgress extends ProgressFigures {
  readonly city: string;
}

/**
 * The month in progress (the month of `asOf`, today in the dealer's calendar), compared
 * month-to-date; `month` and `throughDay` are null when the query has no `asOf`.
 */
export interface Progress {
  readonly asOf: string | null;
  readonly month: string | null;
  readonly throughDay: number | null;
  readonly cities: readonly CityProgress[];
  readonly company: ProgressFigures | null;
}
