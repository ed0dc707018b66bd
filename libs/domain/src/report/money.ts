export function euros(cents: number): number {
  return cents / 100;
}

/** a / b, or null where b is 0 (a share of nothing is undefined, not 0). */
export function ratio(a: number, b: number): number | null {
  return b === 0 ? null : a / b;
}
