import type { SectionName } from '#domain';

export interface ReportRoute {
  /** GET /reports/{path} */
  readonly path: string;
  /** The operation's one-line summary in Swagger. */
  readonly summary: string;
}

/** The endpoint of each report section; a section without one does not compile. */
export const REPORT_ROUTES = {
  monthly: {
    path: 'monthly',
    summary: 'Monthly revenue per city (sales + rentals), every month of the range',
  },
  split: { path: 'split', summary: 'Sales / rentals split per city, revenue and count shares' },
  comparison: {
    path: 'comparison',
    summary: 'Cities ranked by revenue: share, average ticket, last-month growth',
  },
  topModels: {
    path: 'top-models',
    summary: 'Top models per city, sales and rentals, by number of transactions',
  },
  seasonality: {
    path: 'seasonality',
    summary: 'Average revenue per calendar month with its index, month-over-month',
  },
  rotation: {
    path: 'rotation',
    summary: 'Rental lengths per city and model: average, median, min, max',
  },
  margins: { path: 'margins', summary: 'Margin per type and city, actual or estimated costs' },
  forecast: {
    path: 'forecast',
    summary: 'Least-squares trend over the last months and the forecast after them',
  },
  company: {
    path: 'company',
    summary: 'All the cities together: each month with its growth, and the sales / rentals split',
  },
} as const satisfies Record<SectionName, ReportRoute>;

/** What `GET /reports/summary` answers: every section at once. */
export const SUMMARY = 'summary';

/** A report endpoint's name, as in the envelope's `report`: a section's path, or `summary`. */
export type ReportName = (typeof REPORT_ROUTES)[SectionName]['path'] | typeof SUMMARY;
