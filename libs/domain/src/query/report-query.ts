import { DomainError, ErrorCode } from '../model/errors.js';
import { parseCalendarDay, type CalendarDay } from '../model/calendar-day.js';
import { formatMonth, parseMonth, type MonthIndex } from '../model/month.js';
import { parseWholeNumber } from '../csv/numbers.js';

export const REVENUE_BASES = ['contract', 'recognized'] as const;
export type RevenueBasis = (typeof REVENUE_BASES)[number];

/**
 * Share of revenue assumed to be cost where a transaction has no `cout`: a sale's cost is
 * `sale x prix`, a rental's `rental x prix x months`.
 */
export interface CostRates {
  readonly sale: number;
  readonly rental: number;
}

/** What the top-models lists are ranked by. */
export const MODEL_RANKINGS = ['count', 'revenue'] as const;
export type ModelRanking = (typeof MODEL_RANKINGS)[number];

export const DEFAULT_COST_RATES: CostRates = { sale: 0.85, rental: 0.7 };

/**
 * The longest range a report covers: 50 years. Each month is a row in several sections: a range of
 * thousands of years built answers of tens of MB and held the gateway for seconds.
 */
export const MAX_REPORT_MONTHS = 600;

export const QUERY_LIMITS = {
  limit: { min: 1, max: 50, default: 5 },
  window: { min: 2, max: 24, default: 3 },
  horizon: { min: 1, max: 24, default: 3 },
} as const;

export interface ReportQuery {
  /** Inclusive month bounds; when absent, the earliest / latest month with a transaction. */
  readonly from: MonthIndex | undefined;
  readonly to: MonthIndex | undefined;
  readonly basis: RevenueBasis;
  /** Cities to report on, as asked (matched case-insensitively); undefined means all. */
  readonly cities: readonly string[] | undefined;
  readonly limit: number;
  readonly rankBy: ModelRanking;
  readonly window: number;
  readonly horizon: number;
  readonly costRates: CostRates;
  /**
   * Today in the dealer's calendar: its month is the month in progress, compared day for day
   * (the `progress` section). Undefined: no month is in progress.
   */
  readonly asOf: CalendarDay | undefined;
}

/** A query as it arrives from a command line or a URL: every value a string, any may be absent. */
export interface RawReportQuery {
  readonly from?: string;
  readonly to?: string;
  readonly basis?: string;
  readonly city?: string;
  readonly limit?: string;
  readonly by?: string;
  readonly window?: string;
  readonly horizon?: string;
  readonly asOf?: string;
}

/** Validates a raw query; throws a DomainError (INVALID_QUERY) naming the parameter at fault. */
export function parseReportQuery(
  raw: RawReportQuery,
  costRates: CostRates = DEFAULT_COST_RATES,
  today?: string,
): ReportQuery {
  const from = optionalMonth('from', raw.from);
  const to = optionalMonth('to', raw.to);
  if (from !== undefined && to !== undefined && from > to) {
    throw invalid('from', `from (${formatMonth(from)}) is after to (${formatMonth(to)})`);
  }
  if (from !== undefined && to !== undefined) checkSpan(from, to, 'to');
  const basis = raw.basis ?? 'contract';
  if (!isRevenueBasis(basis)) {
    throw invalid('basis', `basis must be one of ${REVENUE_BASES.join(', ')}, not "${basis}"`);
  }
  const rankBy = raw.by ?? 'count';
  if (!(MODEL_RANKINGS as readonly string[]).includes(rankBy)) {
    throw invalid('by', `by must be one of ${MODEL_RANKINGS.join(', ')}, not "${rankBy}"`);
  }
  return {
    from,
    to,
    basis,
    cities: parseCityList(raw.city),
    limit: boundedInteger('limit', raw.limit),
    rankBy: rankBy as ModelRanking,
    window: boundedInteger('window', raw.window),
    horizon: boundedInteger('horizon', raw.horizon),
    costRates,
    asOf: optionalDay('asOf', raw.asOf ?? today),
  };
}

/** Refuses a range over MAX_REPORT_MONTHS months, naming the parameter to change. */
export function checkSpan(from: MonthIndex, to: MonthIndex, parameter: string): void {
  if (to - from + 1 > MAX_REPORT_MONTHS) {
    throw invalid(
      parameter,
      `the range ${formatMonth(from)} to ${formatMonth(to)} spans ${to - from + 1} months; a report covers ${MAX_REPORT_MONTHS} at most (give from and to)`,
    );
  }
}

function isRevenueBasis(value: string): value is RevenueBasis {
  return (REVENUE_BASES as readonly string[]).includes(value);
}

function optionalMonth(parameter: string, text: string | undefined): MonthIndex | undefined {
  if (text === undefined) return undefined;
  const month = parseMonth(text.trim());
  if (month === undefined)
    throw invalid(parameter, `${parameter} must be a month YYYY-MM, not "${text}"`);
  return month;
}

function optionalDay(parameter: string, text: string | undefined): CalendarDay | undefined {
  if (text === undefined) return undefined;
  const day = parseCalendarDay(text.trim());
  if (day === undefined)
    throw invalid(parameter, `${parameter} must be a date YYYY-MM-DD, not "${text}"`);
  return day;
}

function boundedInteger(parameter: keyof typeof QUERY_LIMITS, text: string | undefined): number {
  const bounds = QUERY_LIMITS[parameter];
  if (text === undefined) return bounds.default;
  const value = parseWholeNumber(text.trim());
  if (value === undefined || value < bounds.min || value > bounds.max) {
    throw invalid(
      parameter,
      `${parameter} must be a whole number from ${bounds.min} to ${bounds.max}, not "${text}"`,
    );
  }
  return value;
}

function parseCityList(text: string | undefined): string[] | undefined {
  if (text === undefined) return undefined;
  const cities = text
    .split(',')
    .map((city) => city.trim())
    .filter((city) => city !== '');
  if (cities.length === 0) throw invalid('city', 'city must name at least one city');
  return cities;
}

function invalid(parameter: string, message: string): DomainError {
  return new DomainError(ErrorCode.InvalidQuery, message, { parameter });
}
