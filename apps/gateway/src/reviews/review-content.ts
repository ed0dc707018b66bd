import type { MonthRevenueGrowth, ReportData, TargetMonth } from '#domain/report';

/** One line of the review: a city's month, or the company's. */
export interface ReviewLine {
  readonly name: string;
  readonly month: MonthRevenueGrowth;
  readonly target: TargetMonth;
}

/** What a review shows: the month just closed, for the company or one city. */
export interface ReviewContent {
  /** `YYYY-MM` */
  readonly month: string;
  /** `company`, or the city. */
  readonly scope: string;
  readonly total: ReviewLine;
  /** Each city of the review (one for a city's review). */
  readonly cities: readonly ReviewLine[];
  readonly topModels: ReportData['topModels'];
}

export const COMPANY_SCOPE = 'company';
export const COMPANY_NAME = 'Toutes les villes';

/**
 * The review's lines from a one-month report (from = to = month) of its cities; `companyName`
 * titles their sum (a city-bound reader's is not every city).
 */
export function reviewContent(
  month: string,
  scope: string,
  data: ReportData,
  companyName = COMPANY_NAME,
): ReviewContent {
  const cities = data.monthly.map((city, index) => ({
    name: city.city,
    month: city.months[0]!,
    target: data.targets.cities[index]!.months[0]!,
  }));
  const total: ReviewLine =
    scope === COMPANY_SCOPE
      ? {
          name: companyName,
          month: data.company.months[0]!,
          target: data.targets.company!.months[0]!,
        }
      : cities[0]!;
  return { month, scope, total, cities, topModels: data.topModels };
}
