import { copyInto, nextPowerOfTwo } from './typed-arrays.js';

const EMPTY = -1;
const INITIAL_SLOTS = 1 << 12;

/**
 * The set of a city's transaction ids: an open-addressing hash table whose ids live as UTF-16
 * code units in one growing pool rather than as a million string objects.
 *
 * Written by hand because the id index dominated loading (docs/performance.md): on 1M ids a
 * `Set<string>` cost ~740 ms inside the load loop, and kept every id string, and through it the
 * whole 1 MiB chunk each was cut from, alive. Here an id's hash is kept, so growing never hashes
 * again, and characters are compared only when hashes agree.
 */
/** An index's content, arrays cut to what they hold: what a snapshot keeps. */
export interface TransactionIdState {
  /** The hash table (a power of two long, at most 3/4 full): row per slot, or -1. */
  readonly slots: Int32Array;
  /** One per id. */
  readonly hashes: Int32Array;
  /** One per id, plus the end of the last. */
  readonly offsets: Int32Array;
  readonly pool: Uint16Array;
}

export class TransactionIdIndex {
  private slots = new Int32Array(INITIAL_SLOTS).fill(EMPTY);
  private hashes = new Int32Array(INITIAL_SLOTS / 2);
  /** Where each id's code units start in `pool`; id i ends where id i + 1 starts. */
  private offsets = new Int32Array(INITIAL_SLOTS / 2 + 1);
  private pool = new Uint16Array(INITIAL_SLOTS * 4);
  private count = 0;

  get size(): number {
    return this.count;
  }

  state(): TransactionIdState {
    return {
      slots: this.slots,
      hashes: this.hashes.subarray(0, this.count),
      offsets: this.offsets.subarray(0, this.count + 1),
      pool: this.pool.subarray(0, this.offsets[this.count]),
    };
  }

  /** An index holding `state`'s ids, with room to grow as one that added them would have. */
  static fromState(state: TransactionIdState): TransactionIdIndex {
    const count = state.hashes.length;
    const { slots } = state;
    if (
      state.offsets.length !== count + 1 ||
      state.pool.length !== state.offsets[count] ||
      (slots.length & (slots.length - 1)) !== 0 ||
      count * 4 > slots.length * 3
    ) {
      throw new Error('transaction id index: inconsistent state');
    }
    const index = new TransactionIdIndex();
    const capacity = Math.max(INITIAL_SLOTS / 2, nextPowerOfTwo(count + 2));
    index.slots = Int32Array.from(slots);
    index.hashes = copyInto(state.hashes, new Int32Array(capacity));
    index.offsets = copyInto(state.offsets, new Int32Array(capacity + 1));
    const poolSize = Math.max(INITIAL_SLOTS * 4, nextPowerOfTwo(state.pool.length + 1));
    index.pool = copyInto(state.pool, new Uint16Array(poolSize));
    index.count = count;
    return index;
  }

  /** Adds `id` unless present; returns whether it was added. */
  add(id: string): boolean {
    const code = hash(id);
    const mask = this.slots.length - 1;
    for (let slot = code & mask; ; slot = (slot + 1) & mask) {
      const row = this.slots[slot]!;
      if (row === EMPTY) {
        this.insert(slot, code, id);
        return true;
      }
      if (this.hashes[row] === code && this.equals(row, id)) return false;
    }
  }

  /** The id added at position `row`. */
  idOf(row: number): string {
    return String.fromCharCode(...this.pool.subarray(this.offsets[row], this.offsets[row + 1]));
  }

  /** The position `id` was added at (the store's row), or -1. */
  rowOf(id: string): number {
    const code = hash(id);
    const mask = this.slots.length - 1;
    for (let slot = code & mask; ; slot = (slot + 1) & mask) {
      const row = this.slots[slot]!;
      if (row === EMPTY) return -1;
      if (this.hashes[row] === code && this.equals(row, id)) return row;
    }
  }

  private equals(row: number, id: string): boolean {
    const start = this.offsets[row]!;
    if (this.offsets[row + 1]! - start !== id.length) return false;
    for (let index = 0; index < id.length; index += 1) {
      if (this.pool[start + index] !== id.charCodeAt(index)) return false;
    }
    return true;
  }

  private insert(slot: number, code: number, id: string): void {
    const row = this.count;
    if (row + 1 === this.hashes.length) {
      this.hashes = grown(this.hashes, this.hashes.length * 2);
      this.offsets = grown(this.offsets, this.offsets.length * 2);
    }
    const start = this.offsets[row]!;
    if (start + id.length > this.pool.length) {
      this.pool = grown(this.pool, Math.max(this.pool.length * 2, start + id.length));
    }
    for (let index = 0; index < id.length; index += 1)
      this.pool[start + index] = id.charCodeAt(index);
    this.offsets[row + 1] = start + id.length;
    this.slots[slot] = row;
    this.hashes[row] = code;
    this.count = row + 1;
    // Kept at most 3/4 full, so that a probe meets an empty slot soon.
    if (this.count * 4 > this.slots.length * 3) this.rehash(this.slots.length * 2);
  }

  private rehash(size: number): void {
    const slots = new Int32Array(size).fill(EMPTY);
    const mask = size - 1;
    for (let row = 0; row < this.count; row += 1) {
      let slot = this.hashes[row]! & mask;
      while (slots[slot] !== EMPTY) slot = (slot + 1) & mask;
      slots[slot] = row;
    }
    this.slots = slots;
  }
}

function grown<T extends Int32Array | Uint16Array>(array: T, size: number): T {
  return copyInto(array, new (array.constructor as new (size: number) => T)(size));
}

/** FNV-1a over the UTF-16 code units, then a final mix so that the low bits spread well. */
function hash(text: string): number {
  let value = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    value = Math.imul(value ^ text.charCodeAt(index), 0x01000193);
  }
  value ^= value >>> 16;
  value = Math.imul(value, 0x85ebca6b);
  return (value ^ (value >>> 13)) & 0x7fffffff;
}
