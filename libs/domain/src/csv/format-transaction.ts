import { formatMonth } from '../model/month.js';
import { TRANSACTION_TYPE_NAMES, TransactionType, type Transaction } from '../model/transaction.js';
import { quoteCsvField } from './quote-field.js';

/** The header of a file written with {@link formatTransaction}: the brief's columns and `cout`. */
export const TRANSACTION_CSV_HEADER =
  'transaction_id,date,ville,type,modele,prix,duree_location_mois,cout';

/** A transaction as one CSV line in canonical form; reading it back gives the same transaction. */
export function formatTransaction(transaction: Transaction): string {
  const day = String(transaction.day).padStart(2, '0');
  return [
    quoteCsvField(transaction.transactionId),
    `${formatMonth(transaction.month)}-${day}`,
    quoteCsvField(transaction.city),
    TRANSACTION_TYPE_NAMES[transaction.type],
    quoteCsvField(transaction.model),
    formatCents(transaction.priceCents),
    transaction.type === TransactionType.Rental ? String(transaction.durationMonths) : 'NULL',
    transaction.costCents === undefined ? '' : formatCents(transaction.costCents),
  ].join(',');
}

function formatCents(cents: number): string {
  const euros = Math.floor(cents / 100);
  const rest = cents % 100;
  return rest === 0 ? String(euros) : `${euros}.${String(rest).padStart(2, '0')}`;
}
