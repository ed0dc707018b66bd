/** Milliseconds since `started` (a `performance.now()`), to 0.1 ms: finer is noise in an answer. */
export function elapsedMs(started: number): number {
  return Math.round((performance.now() - started) * 10) / 10;
}
