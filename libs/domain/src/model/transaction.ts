import type { MonthIndex } from './month.js';

export const TransactionType = { Sale: 0, Rental: 1 } as const;
export type TransactionType = (typeof TransactionType)[keyof typeof TransactionType];

/** The spelling of each type in the CSV (`type` column). */
export const TRANSACTION_TYPE_NAMES: Record<TransactionType, string> = {
  [TransactionType.Sale]: 'vente',
  [TransactionType.Rental]: 'location',
};

export const MAX_RENTAL_MONTHS = 48;

/**
 * One validated transaction. Money is held in integer cents so that sums are exact and
 * independent of the order rows are added in: a report merged from any number of shards
 * equals the report of one process to the last cent.
 */
export interface Transaction {
  readonly transactionId: string;
  readonly month: MonthIndex;
  readonly day: number;
  readonly city: string;
  readonly type: TransactionType;
  readonly model: string;
  /** Sale price, or monthly rent for a rental. */
  readonly priceCents: number;
  /** Rental length in months; 0 for a sale. */
  readonly durationMonths: number;
  /** Dealer cost (sale: the car; rental: per month); undefined when the row has none. */
  readonly costCents: number | undefined;
}
