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
