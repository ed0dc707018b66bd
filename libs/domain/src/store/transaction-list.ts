import { TRANSACTION_TYPE_NAMES, TransactionType } from '../model/transaction.js';
import { formatMonth, parseMonth } from '../model/month.js';
import { DEFAULT_TRANSACTION_SORT, type TransactionSort } from '../model/transaction-order.js';
import type { CityStore } from './city-store.js';

/** Which transactions of a city to list: every filter given must hold. */
export interface TransactionFilter {
  /** `YYYY-MM` */
  readonly month?: string;
  /** The stored model code, exactly. */
  readonly model?: string;
  /** `vente` or `location`. */
  readonly type?: string;
  readonly id?: string;
  /** Only the rows whose price is far from the usual one (PRICE_OUTLIER). */
  readonly flagged?: boolean;
  /** Default: newest first. */
  readonly sort?: TransactionSort;
}

/** One stored transaction as the CSV contract names its fields, with its check. */
export interface ListedTransaction {
  readonly transaction_id: string;
  readonly date: string;
  readonly ville: string;
  readonly type: string;
  readonly modele: string;
  readonly prix: number;
  readonly duree_location_mois: number | null;
  readonly cout: number | null;
  /** The usual price of its model and type in its city when its own is far from it, else null. */
  readonly usualPrice: number | null;
}

export interface TransactionPage {
  /** How many transactions match. */
  readonly total: number;
  /** The first `limit` of them in the asked order (ties: the latest stored first). */
  readonly rows: readonly ListedTransaction[];
}

/** The city's transactions that match `filter`, in its order, the first `limit` of them. */
export function listTransactions(
  store: CityStore,
  filter: TransactionFilter,
  limit: number,
): TransactionPage {
  const columns = store.columns();
  const month = filter.month === undefined ? undefined : parseMonth(filter.month);
  const model = filter.model === undefined ? undefined : columns.models.indexOf(filter.model);
  const type =
    filter.type === undefined
      ? undefined
      : filter.type === TRANSACTION_TYPE_NAMES[TransactionType.Rental]
        ? TransactionType.Rental
        : TransactionType.Sale;
  const idRow = filter.id === undefined ? undefined : store.rowOf(filter.id);
  const matching: number[] = [];
  for (let row = 0; row < columns.length; row += 1) {
    if (columns.deleted[row] === 1) continue;
    if (month !== undefined && columns.month[row] !== month) continue;
    if (model !== undefined && columns.model[row] !== model) continue;
    if (type !== undefined && columns.type[row] !== type) continue;
    if (idRow !== undefined && row !== idRow) continue;
    if (filter.flagged === true && store.unusualPriceOf(row) === undefined) continue;
    matching.push(row);
  }
  const sort = filter.sort ?? DEFAULT_TRANSACTION_SORT;
  const sign = sort.startsWith('-') ? -1 : 1;
  const key = sort.endsWith('prix')
    ? (row: number): number => columns.priceCents[row]!
    : (row: number): number => columns.month[row]! * 32 + columns.day[row]!;
  matching.sort((a, b) => sign * (key(a) - key(b)) || b - a);
  return {
    total: matching.length,
    rows: matching.slice(0, limit).map((row) => {
      const rental = columns.type[row] === TransactionType.Rental;
      const cost = columns.costCents[row]!;
      const usual = store.unusualPriceOf(row);
      return {
        transaction_id: store.idOf(row),
        date: `${formatMonth(columns.month[row]!)}-${String(columns.day[row]).padStart(2, '0')}`,
        ville: store.city,
        type: TRANSACTION_TYPE_NAMES[rental ? TransactionType.Rental : TransactionType.Sale],
        modele: columns.models[columns.model[row]!]!,
        prix: columns.priceCents[row]! / 100,
        duree_location_mois: rental ? columns.durationMonths[row]! : null,
        cout: Number.isNaN(cost) ? null : cost / 100,
        usualPrice: usual === undefined ? null : usual / 100,
      };
    }),
  };
}
