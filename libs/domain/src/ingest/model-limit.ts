import { ErrorCode, type RowError } from '../model/errors.js';
import type { Transaction } from '../model/transaction.js';
import type { CityStore } from '../store/city-store.js';

/** Distinct models a city may hold by default: a dealer's catalogue is a few hundred at most. */
export const DEFAULT_MAX_MODELS_PER_CITY = 2000;

/**
 * Why storing `transaction` would take its city past `maxModels` distinct models, if it would: a
 * VIN or another column's value in `modele` makes a new model of every row, and every report,
 * summary and export then grows with the file. Rows already stored are never refused (recovery
 * applies no limit), so a lower limit after a restart only refuses new models.
 */
export function modelLimitError(
  store: CityStore,
  transaction: Transaction,
  line: number,
  maxModels: number,
): RowError | undefined {
  const { model, transactionId } = transaction;
  if (store.modelCount < maxModels || store.hasModel(model)) return undefined;
  return {
    line,
    code: ErrorCode.TooManyModels,
    field: 'modele',
    transactionId,
    message: `line ${line}: modele "${model.slice(0, 80)}" would be model number ${maxModels + 1} of ${store.city}, over MAX_MODELS_PER_CITY (${maxModels}): not stored (is another column, a VIN, in modele?)`,
  };
}
