export interface SeasonalMonth {
  readonly month: number;
  readonly averageRevenue: number;
  readonly index: number | null;
}

export interface MonthChange {
  readonly month: string;
  readonly change: number | null;
  readonly yearOverYear: number | null;
}

export interface CitySeasonality {
  readonly city: string;
  readonly months: readonly SeasonalMonth[];
  readonly monthOverMonth: readonly MonthChange[];
}
