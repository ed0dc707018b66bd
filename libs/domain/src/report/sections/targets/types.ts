/** Actual revenue against its target, in euros; every figure but `actual` is null without a target. */
export interface TargetFigures {
  readonly actual: number;
  readonly target: number | null;
  /** actual - target */
  readonly variance: number | null;
  /** (actual - target) / target */
  readonly varianceRate: number | null;
  /** actual / target */
  readonly attainment: number | null;
}

/** January to the month, over the months of that year that have a target. */
export interface YearToDateTarget {
  /** How many months of the year, up to this one, have a target. */
  readonly months: number;
  readonly actual: number;
  readonly target: number | null;
  readonly attainment: number | null;
}

export interface TargetMonth extends TargetFigures {
  readonly month: string;
  readonly sales: TargetFigures;
  readonly rentals: TargetFigures;
  readonly yearToDate: YearToDateTarget;
}

export interface CityTargets {
  readonly city: string;
  readonly months: readonly TargetMonth[];
}

/** Each city's months against its targets, and the company's (null without a city). */
export interface Targets {
  readonly cities: readonly CityTargets[];
  readonly company: { readonly months: readonly TargetMonth[] } | null;
}
