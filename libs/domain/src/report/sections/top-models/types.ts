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
