import { ErrorCode } from '../model/errors.js';
import type { Transaction } from '../model/transaction.js';
import type { CityStore } from '../store/city-store.js';
import { PRICE_OUTLIER_FACTOR } from '../store/price-references.js';
import { FirstErrors } from './first-errors.js';
import { modelLimitError } from './model-limit.js';

/**
 * Appends validated transactions to their store and counts what became of each: accepted, a
 * duplicate (the id stored with the same content), or a conflict (the id stored with other
 * content), which is never silent: it is rejected with its line and the fields that differ.
 */
export class AppendTally {
  accepted = 0;
  duplicates = 0;
  conflicts = 0;

  constructor(
    private readonly rejections: FirstErrors,
    /** Stored rows worth a second look: a price far from the model's usual one. */
    readonly warnings: FirstErrors = new FirstErrors(rejections.limit),
    /** Distinct models a city may reach (none for a replay: what is stored stays). */
    private readonly maxModels = Infinity,
  ) {}

  /** Whether the store took the transaction. */
  append(store: CityStore, transaction: Transaction, line: number): boolean {
    const overLimit = modelLimitError(store, transaction, line, this.maxModels);
    // A held id adds no model: it is a duplicate or a conflict, whatever its model. Asked only
    // past the limit, so that a row costs no second id lookup.
    if (overLimit !== undefined && !store.holds(transaction.transactionId)) {
      this.rejections.add(overLimit);
      return false;
    }
    const outcome = store.append(transaction);
    if (outcome === 'accepted') {
      this.accepted += 1;
      const usual = store.unusualPrice;
      if (usual !== undefined) this.warnPrice(transaction, line, usual);
      return true;
    }
    if (outcome === 'duplicate') {
      this.duplicates += 1;
      return false;
    }
    this.conflicts += 1;
    const fields = store.differences(transaction);
    this.rejections.add({
      line,
      code: ErrorCode.ConflictingDuplicate,
      field: fields[0],
      transactionId: transaction.transactionId,
      message: `line ${line}: transaction_id "${transaction.transactionId}" is already stored with another ${fields.join(', ')}: not stored (correct it with PUT /transactions/{id})`,
      fields,
    });
    return false;
  }

  private warnPrice(transaction: Transaction, line: number, usualCents: number): void {
    const price = transaction.priceCents / 100;
    const usual = usualCents / 100;
    this.warnings.add({
      line,
      code: ErrorCode.PriceOutlier,
      field: 'prix',
      transactionId: transaction.transactionId,
      message: `line ${line}: prix ${price} is more than ${PRICE_OUTLIER_FACTOR} times away from the usual ${usual} for ${transaction.model} in ${transaction.city}: stored, check it (correct it with PUT /transactions/{id})`,
    });
  }

  /** Rejections other than conflicts. */
  rejected(): number {
    return this.rejections.count - this.conflicts;
  }
}
