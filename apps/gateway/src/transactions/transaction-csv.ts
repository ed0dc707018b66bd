import { quoteCsvField } from '#domain';
import type { TransactionDto } from './transaction.dto.js';

export const TRANSACTION_HEADER =
  'transaction_id,date,ville,type,modele,prix,duree_location_mois,cout';

/** A transaction as the CSV record a worker validates, so that both inputs obey one contract. */
export function toCsvRecord(transaction: TransactionDto): string {
  return [
    transaction.transaction_id,
    transaction.date,
    transaction.ville,
    transaction.type,
    transaction.modele,
    String(transaction.prix),
    transaction.duree_location_mois == null ? 'NULL' : String(transaction.duree_location_mois),
    transaction.cout == null ? '' : String(transaction.cout),
  ]
    .map(quoteCsvField)
    .join(',');
}
