import type { Transaction } from '../model/transaction.js';
import { copyInto, nextPowerOfTwo } from './typed-arrays.js';
import { PriceReferences } from './price-references.js';
import { TransactionIdIndex, type TransactionIdState } from './transaction-id-index.js';

const INITIAL_CAPACITY = 1024;

/** Read-only view of a store's columns; row i of every column is transaction i. */
export interface CityColumns {
  readonly city: string;
  readonly length: number;
  readonly month: Int32Array;
  readonly day: Uint8Array;
  readonly type: Uint8Array;
  readonly model: Uint32Array;
  readonly priceCents: Float64Array;
  readonly durationMonths: Uint8Array;
  /** NaN where the row has no cost. */
  readonly costCents: Float64Array;
  /** 1 where the row was deleted (DELETE /transactions/{id}): a summary skips it. */
  readonly deleted: Uint8Array;
  /** Model names by id. */
  readonly models: readonly string[];
}

/** Everything a store holds, columns cut to its rows: what a snapshot writes and reads back. */
export interface CityStoreState extends Omit<CityColumns, 'city' | 'length'> {
  readonly removed: number;
  readonly ids: TransactionIdState;
  /** Each price reference key's first prices (see PriceReferences). */
  readonly prices: readonly (readonly number[] | null)[];
}

/**
 * `duplicate`: the id is stored with the same content (a file sent again); `conflict`: the id is
 * stored with other content, which {@link CityStore.differences} names.
 */
export type AppendOutcome = 'accepted' | 'duplicate' | 'conflict';

/** What a correction found: the id stored and changed, stored as given already, or not stored. */
export type ReplaceOutcome = 'replaced' | 'unchanged' | 'absent';

/** The CSV fields two records of one id can differ in. */
export type ComparedField = 'date' | 'type' | 'modele' | 'prix' | 'duree_location_mois' | 'cout';

/**
 * One city's transactions as typed-array columns with interned model names: about 30 bytes a
 * row, and a summary pass over them runs at memory speed (no object per row to chase).
 */
export class CityStore {
  private size = 0;
  private month = new Int32Array(INITIAL_CAPACITY);
  private day = new Uint8Array(INITIAL_CAPACITY);
  private type = new Uint8Array(INITIAL_CAPACITY);
  private model = new Uint32Array(INITIAL_CAPACITY);
  private priceCents = new Float64Array(INITIAL_CAPACITY);
  private durationMonths = new Uint8Array(INITIAL_CAPACITY);
  private costCents = new Float64Array(INITIAL_CAPACITY);
  private deleted = new Uint8Array(INITIAL_CAPACITY);
  private removed = 0;
  private readonly modelIds = new Map<string, number>();
  private readonly modelNames: string[] = [];
  private transactionIds = new TransactionIdIndex();
  private prices = new PriceReferences();
  private unusual: number | undefined;

  constructor(readonly city: string) {}

  state(): CityStoreState {
    const rows = this.size;
    return {
      removed: this.removed,
      month: this.month.subarray(0, rows),
      day: this.day.subarray(0, rows),
      type: this.type.subarray(0, rows),
      model: this.model.subarray(0, rows),
      priceCents: this.priceCents.subarray(0, rows),
      durationMonths: this.durationMonths.subarray(0, rows),
      costCents: this.costCents.subarray(0, rows),
      deleted: this.deleted.subarray(0, rows),
      models: this.modelNames,
      ids: this.transactionIds.state(),
      prices: this.prices.state(),
    };
  }

  /**
   * A store holding `state`, as the one it was taken from: the same rows, ids, models and price
   * references, and room to grow. Throws on a state whose parts disagree.
   */
  static fromState(city: string, state: CityStoreState): CityStore {
    const rows = state.month.length;
    const columns = [
      state.day,
      state.type,
      state.model,
      state.priceCents,
      state.durationMonths,
      state.costCents,
      state.deleted,
    ];
    if (columns.some((column) => column.length !== rows) || state.ids.hashes.length !== rows) {
      throw new Error(`${city}: inconsistent store state`);
    }
    const store = new CityStore(city);
    store.allocate(Math.max(INITIAL_CAPACITY, nextPowerOfTwo(rows + 1)), state);
    store.size = rows;
    store.removed = state.removed;
    for (const name of state.models) store.internModel(name);
    store.transactionIds = TransactionIdIndex.fromState(state.ids);
    store.prices = PriceReferences.fromState(state.prices);
    return store;
  }

  /** How many distinct models the city's rows have named. */
  get modelCount(): number {
    return this.modelNames.length;
  }

  /** Whether a row of the city has named `model`. */
  hasModel(model: string): boolean {
    return this.modelIds.has(model);
  }

  /** The transactions held (deleted ones are not). */
  get length(): number {
    return this.size - this.removed;
  }

  /**
   * Adds a transaction of this city, unless its id is already stored: the first one wins. An id
   * deleted earlier is stored again, in its old row.
   */
  append(transaction: Transaction): AppendOutcome {
    if (!this.transactionIds.add(transaction.transactionId)) {
      const row = this.transactionIds.rowOf(transaction.transactionId);
      if (this.deleted[row] === 1) {
        this.write(row, transaction);
        this.deleted[row] = 0;
        this.removed -= 1;
        return 'accepted';
      }
      return this.differences(transaction).length === 0 ? 'duplicate' : 'conflict';
    }
    if (this.size === this.month.length) this.grow();
    const row = this.size;
    this.write(row, transaction);
    this.unusual = this.prices.check(
      this.model[row]! * 2 + transaction.type,
      transaction.priceCents,
    );
    this.size = row + 1;
    return 'accepted';
  }

  /** Whether a transaction of this id is held. */
  holds(transactionId: string): boolean {
    const row = this.transactionIds.rowOf(transactionId);
    return row >= 0 && this.deleted[row] === 0;
  }

  /** Deletes the transaction of this id; false when none is held. */
  remove(transactionId: string): boolean {
    const row = this.transactionIds.rowOf(transactionId);
    if (row < 0 || this.deleted[row] === 1) return false;
    this.deleted[row] = 1;
    this.removed += 1;
    return true;
  }

  /** Gives the held transaction of this id the content of `transaction`. */
  replace(transaction: Transaction): ReplaceOutcome {
    const row = this.transactionIds.rowOf(transaction.transactionId);
    if (row < 0 || this.deleted[row] === 1) return 'absent';
    if (this.differences(transaction).length === 0) return 'unchanged';
    this.write(row, transaction);
    return 'replaced';
  }

  /**
   * For the transaction last accepted: the usual price (cents) of its model and type in this city
   * when its price was far from it (beyond PRICE_OUTLIER_FACTOR either way), else undefined.
   */
  get unusualPrice(): number | undefined {
    return this.unusual;
  }

  /** The row of the held transaction of this id, or -1. */
  rowOf(transactionId: string): number {
    const row = this.transactionIds.rowOf(transactionId);
    return row < 0 || this.deleted[row] === 1 ? -1 : row;
  }

  /** The id of the transaction in `row`. */
  idOf(row: number): string {
    return this.transactionIds.idOf(row);
  }

  /**
   * The usual price (cents) of the model and type of the transaction in `row` when its price is
   * far from it now, else undefined: a row flagged PRICE_OUTLIER stays flagged until corrected.
   */
  unusualPriceOf(row: number): number | undefined {
    return this.prices.unusual(this.model[row]! * 2 + this.type[row]!, this.priceCents[row]!);
  }

  /** The fields in which `transaction` differs from the stored one of its id (none if absent). */
  differences(transaction: Transaction): ComparedField[] {
    const row = this.transactionIds.rowOf(transaction.transactionId);
    if (row < 0) return [];
    const fields: ComparedField[] = [];
    if (this.month[row] !== transaction.month || this.day[row] !== transaction.day) {
      fields.push('date');
    }
    if (this.type[row] !== transaction.type) fields.push('type');
    if (this.modelNames[this.model[row]!] !== transaction.model) fields.push('modele');
    if (this.priceCents[row] !== transaction.priceCents) fields.push('prix');
    if (this.durationMonths[row] !== transaction.durationMonths) {
      fields.push('duree_location_mois');
    }
    if (!Object.is(this.costCents[row], transaction.costCents ?? Number.NaN)) fields.push('cout');
    return fields;
  }

  private write(row: number, transaction: Transaction): void {
    this.month[row] = transaction.month;
    this.day[row] = transaction.day;
    this.type[row] = transaction.type;
    this.model[row] = this.internModel(transaction.model);
    this.priceCents[row] = transaction.priceCents;
    this.durationMonths[row] = transaction.durationMonths;
    this.costCents[row] = transaction.costCents ?? Number.NaN;
  }

  columns(): CityColumns {
    return {
      city: this.city,
      length: this.size,
      month: this.month,
      day: this.day,
      type: this.type,
      model: this.model,
      priceCents: this.priceCents,
      durationMonths: this.durationMonths,
      costCents: this.costCents,
      deleted: this.deleted,
      models: this.modelNames,
    };
  }

  private internModel(name: string): number {
    let id = this.modelIds.get(name);
    if (id === undefined) {
      id = this.modelNames.length;
      this.modelIds.set(name, id);
      this.modelNames.push(name);
    }
    return id;
  }

  private grow(): void {
    this.allocate(this.month.length * 2, this.columns());
  }

  /** Columns of `capacity` rows holding `from`'s. */
  private allocate(capacity: number, from: Omit<CityColumns, 'city' | 'length' | 'models'>): void {
    this.month = copyInto(from.month, new Int32Array(capacity));
    this.day = copyInto(from.day, new Uint8Array(capacity));
    this.type = copyInto(from.type, new Uint8Array(capacity));
    this.model = copyInto(from.model, new Uint32Array(capacity));
    this.priceCents = copyInto(from.priceCents, new Float64Array(capacity));
    this.durationMonths = copyInto(from.durationMonths, new Uint8Array(capacity));
    this.costCents = copyInto(from.costCents, new Float64Array(capacity));
    this.deleted = copyInto(from.deleted, new Uint8Array(capacity));
  }
}
