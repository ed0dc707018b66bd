import type { MonthIndex } from '../model/month.js';
import type { CitySummary } from './summary.js';

export interface MonthBounds {
  readonly first: MonthIndex;
  readonly last: MonthIndex;
}

/** The earliest and latest month with a transaction in any of the cities; undefined if none. */
export function monthBounds(cities: readonly CitySummary[]): MonthBounds | undefined {
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (const { cells } of cities) {
    if (cells.month.length === 0) continue;
    first = Math.min(first, cells.month[0]!);
    last = Math.max(last, cells.month[cells.month.length - 1]!);
  }
  return Number.isFinite(first) ? { first, last } : undefined;
}

/** The smallest bounds holding both. */
export function widenBounds(
  a: MonthBounds | undefined,
  b: MonthBounds | undefined,
): MonthBounds | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return { first: Math.min(a.first, b.first), last: Math.max(a.last, b.last) };
}
