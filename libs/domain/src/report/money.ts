/*
 * Every figure leaves the domain rounded, so that no answer shows binary float noise
 * (75624217.19999999): money to the cent, rates and shares to 4 decimals. Sums are made on exact
 * integer cents first; only the result is rounded.
 */

/** Cents as euros, to the cent (an estimated cost may hold a fraction of a cent). */
export function euros(cents: number): number {
  return Math.round(cents) / 100;
}

/** A euro amount made by arithmetic (a slope, a forecast), to the cent. */
export function toCents(value: number): number {
  return Math.round(value * 100) / 100;
}

/** A rate, a share or an average count, to 4 decimals. */
export function round4(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}

/** a / b to 4 decimals, or null where b is 0 (a share of nothing is undefined, not 0). */
export function ratio(a: number, b: number): number | null {
  return b === 0 ? null : round4(a / b);
}
