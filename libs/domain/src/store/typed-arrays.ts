type NumberArray = Int32Array | Uint8Array | Uint16Array | Uint32Array | Float64Array;

/** `to`, holding `from`'s values first: how a column or an index array grows or is restored. */
export function copyInto<T extends NumberArray>(from: ArrayLike<number>, to: T): T {
  to.set(from);
  return to;
}

/** The smallest power of two ≥ `value` (1 at least): the capacities the store's arrays grow by. */
export function nextPowerOfTwo(value: number): number {
  return 2 ** Math.ceil(Math.log2(Math.max(1, value)));
}
