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
