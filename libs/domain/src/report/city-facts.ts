import type { MonthIndex } from '../model/month.js';
import { MAX_RENTAL_MONTHS, TransactionType } from '../model/transaction.js';
import type { RevenueBasis } from '../query/report-query.js';
import type { CitySummary, DayTotals } from '../summary/summary.js';

/** Contract-basis figures of one model and type, in cents. */
export interface ModelFacts {
  count: number;
  revenue: number;
  rentalMonths: number;
}

/** Contract-basis figures of one type, with what the margin needs, in cents. */
export interface TypeFacts {
  count: number;
  revenue: number;
  costed: number;
  cost: number;
  uncostedRevenue: number;
}

/**
 * One city's summary cut to a month range and a basis: the dense series and totals every
 * section is derived from. Index m of a series is month `from + m`. Money in cents.
 */
export interface CityFacts {
  readonly city: string;
  readonly from: MonthIndex;
  readonly span: number;
  readonly sales: Float64Array;
  readonly salesCount: Float64Array;
  readonly rentals: Float64Array;
  readonly rentalsCount: Float64Array;
  readonly models: Readonly<Record<'sales' | 'rentals', Map<string, ModelFacts>>>;
  readonly types: Readonly<Record<'sales' | 'rentals', TypeFacts>>;
  /** Rentals dated in the range, by length: entry d counts rentals of d months. */
  readonly durationCounts: Float64Array;
  /** The city's transactions by day, every day it has (not cut to the range). */
  readonly days: DayTotals;
}

export function cityFacts(
  summary: CitySummary,
  from: MonthIndex,
  span: number,
  basis: RevenueBasis,
): CityFacts {
  const facts: CityFacts = {
    city: summary.city,
    from,
    span,
    sales: new Float64Array(span),
    salesCount: new Float64Array(span),
    rentals: new Float64Array(span),
    rentalsCount: new Float64Array(span),
    models: { sales: new Map(), rentals: new Map() },
    types: { sales: emptyTypeFacts(), rentals: emptyTypeFacts() },
    durationCounts: new Float64Array(MAX_RENTAL_MONTHS + 1),
    days: summary.days,
  };
  addCells(facts, summary, basis);
  if (basis === 'recognized') addRecognizedRentals(facts, summary);
  addDurations(facts, summary);
  return facts;
}

export function total(facts: CityFacts, offset: number): number {
  return facts.sales[offset]! + facts.rentals[offset]!;
}

export function sum(values: Float64Array): number {
  let result = 0;
  for (const value of values) result += value;
  return result;
}

function emptyTypeFacts(): TypeFacts {
  return { count: 0, revenue: 0, costed: 0, cost: 0, uncostedRevenue: 0 };
}

function addCells(facts: CityFacts, summary: CitySummary, basis: RevenueBasis): void {
  const { cells, models } = summary;
  for (let cell = 0; cell < cells.month.length; cell += 1) {
    const offset = cells.month[cell]! - facts.from;
    if (offset < 0 || offset >= facts.span) continue;
    const rental = cells.type[cell] === TransactionType.Rental;
    const count = cells.count[cell]!;
    const revenue = cells.revenue[cell]!;
    if (rental) {
      facts.rentalsCount[offset]! += count;
      if (basis === 'contract') facts.rentals[offset]! += revenue;
    } else {
      facts.salesCount[offset]! += count;
      facts.sales[offset]! += revenue;
    }
    const kind = rental ? 'rentals' : 'sales';
    const name = models[cells.model[cell]!]!;
    const model = facts.models[kind].get(name) ?? { count: 0, revenue: 0, rentalMonths: 0 };
    model.count += count;
    model.revenue += revenue;
    model.rentalMonths += cells.rentalMonths[cell]!;
    facts.models[kind].set(name, model);
    const type = facts.types[kind];
    type.count += count;
    type.revenue += revenue;
    type.costed += cells.costed[cell]!;
    type.cost += cells.cost[cell]!;
    type.uncostedRevenue += cells.uncostedRevenue[cell]!;
  }
}

/** Running sum of the rent steps: a month earns the rent of every rental running in it. */
function addRecognizedRentals(facts: CityFacts, summary: CitySummary): void {
  const { month, delta } = summary.recognized;
  let step = 0;
  let running = 0;
  for (let offset = 0; offset < facts.span; offset += 1) {
    const current = facts.from + offset;
    while (step < month.length && month[step]! <= current) {
      running += delta[step]!;
      step += 1;
    }
    facts.rentals[offset] = running;
  }
}

function addDurations(facts: CityFacts, summary: CitySummary): void {
  const { month, months, count } = summary.durations;
  for (let entry = 0; entry < month.length; entry += 1) {
    const offset = month[entry]! - facts.from;
    if (offset >= 0 && offset < facts.span) facts.durationCounts[months[entry]!]! += count[entry]!;
  }
}
