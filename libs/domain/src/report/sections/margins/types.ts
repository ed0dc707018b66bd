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
