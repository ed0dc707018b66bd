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
    String(transaction.prix),
    transaction.duree_location_mois == null ? 'NULL' : String(transaction.duree_location_mois),
    transaction.cout == null ? '' : String(transaction.cout),
  ];
}
