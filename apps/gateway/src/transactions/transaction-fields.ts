import { TRANSACTION_CSV_HEADER } from '#domain/ingest';
import type { TransactionDto } from './transaction.dto.js';

/** The CSV contract's columns, in the order {@link transactionFields} gives their values. */
export const TRANSACTION_COLUMNS: readonly string[] = TRANSACTION_CSV_HEADER.split(',');

/**
 * A transaction as the fields of a CSV record, so that a worker validates it by the one contract
 * of every record; no CSV text is written or read back on the way.
 */
export function transactionFields(transaction: TransactionDto): string[] {
  return [
    transaction.transaction_id,
    transaction.date,
    transaction.ville,
    transaction.type,
    transaction.modele,
    amount(transaction.prix),
    transaction.duree_location_mois == null ? 'NULL' : String(transaction.duree_location_mois),
    transaction.cout == null ? '' : amount(transaction.cout),
  ];
}

/**
 * A JSON amount as a CSV field. A price a program computed (`19.99 * 3` is 59.970000000000006) is
 * the cent it stands for; an amount with a real third decimal (59.975) is given as it is, and the
 * contract refuses it.
 */
function amount(euros: number): string {
  const cents = Math.round(euros * 100);
  return Math.abs(euros * 100 - cents) < 1e-6 ? String(cents / 100) : String(euros);
}
