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
