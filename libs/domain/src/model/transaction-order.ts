/** The explorer's orders: by date or by price, `-` first for the largest first. */
export const TRANSACTION_SORTS = ['-date', 'date', '-prix', 'prix'] as const;
export type TransactionSort = (typeof TRANSACTION_SORTS)[number];

export const DEFAULT_TRANSACTION_SORT: TransactionSort = '-date';

/** What an order compares of a listed transaction. */
export interface Sortable {
  readonly date: string;
  readonly prix: number;
  readonly ville: string;
}

/**
 * How the pages of several cities merge into one: by the order's key, then by city. Equal keys of
 * one city keep the order their city listed them in (the sort is stable).
 */
export function compareListed(sort: TransactionSort): (a: Sortable, b: Sortable) => number {
  const sign = sort.startsWith('-') ? -1 : 1;
  const byPrice = sort.endsWith('prix');
  return (a, b) => {
    const key = byPrice ? a.prix - b.prix : a.date < b.date ? -1 : a.date > b.date ? 1 : 0;
    return sign * key || a.ville.localeCompare(b.ville);
  };
}
