/**
 * A mergeable summary ("partial") of a set of transactions: everything every report section
 * needs, for any month range and either revenue basis, and nothing more. Plain JSON, so it
 * crosses process boundaries as it is.
 *
 * Laws (tested): merge(a, b) equals the summary of the union of a's and b's rows; merge is
 * associative and commutative; EMPTY_SUMMARY is its identity. Money is in integer cents, so the
 * sums are exact whatever the order, and one process, one worker per city or several shards of a
 * city give the same report to the cent.
 */
export interface Summary {
  /** One entry per city, sorted by name. */
  readonly cities: readonly CitySummary[];
}

export interface CitySummary {
  readonly city: string;
  /** Model names, ascending; `cells.model` holds positions in this list. */
  readonly models: readonly string[];
  readonly cells: SummaryCells;
  readonly recognized: RecognizedSteps;
  readonly durations: RentalDurations;
  readonly days: DayTotals;
}

/**
 * One entry per (month, type, model) with transactions, sorted by month, then type, then model
 * (struct of arrays: compact on the wire and fast to scan). Money in cents, contract basis.
 */
export interface SummaryCells {
  readonly month: number[];
  readonly type: number[];
  readonly model: number[];
  readonly count: number[];
  readonly revenue: number[];
  /** Sum of rental lengths, in months (0 for sales). */
  readonly rentalMonths: number[];
  /** How many of the transactions carry a cost, and the cost of those (rental: cost x months). */
  readonly costed: number[];
  readonly cost: number[];
  /** Revenue of the transactions without a cost, whose cost is then estimated. */
  readonly uncostedRevenue: number[];
}

/**
 * Recognized-basis revenue as steps: a rental adds its monthly rent from its first month and
 * takes it away after its last, so any month's revenue is the sum of the steps up to it, rentals
 * started before a range included. Sorted by month; months whose steps cancel are left out.
 */
export interface RecognizedSteps {
  readonly month: number[];
  readonly delta: number[];
}

/** Rentals counted by start month and length, sorted by month then length: exact medians. */
export interface RentalDurations {
  readonly month: number[];
  readonly months: number[];
  readonly count: number[];
}

/**
 * Transactions and contract-basis revenue (cents) per day with transactions, sorted by month then
 * day: what a month in progress is compared on (its first days against the same days before).
 */
export interface DayTotals {
  readonly month: number[];
  readonly day: number[];
  readonly count: number[];
  readonly revenue: number[];
}

export const EMPTY_SUMMARY: Summary = { cities: [] };
