import { DomainError, ErrorCode, unknownCity } from '../model/errors.js';
import { formatMonth, type MonthIndex } from '../model/month.js';
import { checkSpan, type ReportQuery } from '../query/report-query.js';
import { monthBounds, widenBounds, type MonthBounds } from '../summary/bounds.js';
import type { CitySummary, Summary } from '../summary/summary.js';
import { cityFacts } from './city-facts.js';
import { historyStart } from './growth.js';
import type { Report } from './report.js';
import { TargetBook } from '../targets/target-book.js';
import { buildSections } from './sections/registry.js';

/**
 * Every report section for the query, from a (merged) summary and the targets in force.
 * `otherBounds` are the month bounds of cities whose summary was not fetched (a filtered report):
 * the default range spans them too, so that every report shares one month axis.
 */
export function buildReport(
  summary: Summary,
  query: ReportQuery,
  otherBounds?: MonthBounds,
  targets: TargetBook = new TargetBook(),
): Report {
  const selected = selectCities(summary, query.cities);
  const range = resolveRange(widenBounds(monthBounds(summary.cities), otherBounds), query);
  const span = range === undefined ? 0 : range.to - range.from + 1;
  const from = range?.from ?? 0;
  const facts = selected.map((city) => cityFacts(city, from, span, query.basis));
  const lookback = from - historyStart(from);
  const history = selected.map((city) =>
    cityFacts(city, from - lookback, span + lookback, query.basis),
  );
  return {
    basis: query.basis,
    from: range === undefined ? null : formatMonth(range.from),
    to: range === undefined ? null : formatMonth(range.to),
    cities: selected.map((city) => city.city),
    data: buildSections({ facts, history, query, targets }),
  };
}

/** The summary's cities named by the query (case-insensitively), or all of them. */
function selectCities(summary: Summary, names: readonly string[] | undefined): CitySummary[] {
  if (names === undefined) return [...summary.cities];
  const byKey = new Map(summary.cities.map((city) => [city.city.toLowerCase(), city]));
  const selected = new Set<CitySummary>();
  for (const name of names) {
    const city = byKey.get(name.toLowerCase());
    if (city === undefined) {
      throw unknownCity(
        name,
        summary.cities.map((entry) => entry.city),
      );
    }
    selected.add(city);
  }
  return [...selected].sort((a, b) => (a.city < b.city ? -1 : a.city > b.city ? 1 : 0));
}

/**
 * The query's months; a bound it leaves out is the earliest / latest month of any city, even one
 * the query does not select, so that every city is reported on the same month axis.
 */
function resolveRange(
  bounds: MonthBounds | undefined,
  query: ReportQuery,
): { from: MonthIndex; to: MonthIndex } | undefined {
  const from = query.from ?? bounds?.first ?? query.to;
  const to = query.to ?? bounds?.last ?? query.from;
  if (from === undefined || to === undefined) return undefined;
  if (from > to) {
    const parameter = query.from === undefined ? 'to' : 'from';
    throw new DomainError(
      ErrorCode.InvalidQuery,
      `from (${formatMonth(from)}) is after to (${formatMonth(to)}): ` +
        `${parameter} leaves no month with data in the range`,
      { parameter },
    );
  }
  checkSpan(from, to, query.from === undefined ? 'from' : 'to');
  return { from, to };
}
