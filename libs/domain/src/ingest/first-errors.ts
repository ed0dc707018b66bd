import type { RowError } from '../model/errors.js';

/**
 * The first `limit` rejections by line, in bounded memory whatever order they arrive in (a
 * gateway hears its cities in any order); `count` counts them all.
 */
export class FirstErrors {
  count = 0;
  private kept: RowError[] = [];

  constructor(readonly limit: number) {}

  add(error: RowError): void {
    this.count += 1;
    this.keep([error]);
  }

  /** Errors counted elsewhere (a worker's first ones of `count`). */
  addCounted(errors: readonly RowError[], count: number): void {
    this.count += count;
    this.keep(errors);
  }

  list(): RowError[] {
    return firstByLine(this.kept, this.limit);
  }

  private keep(errors: readonly RowError[]): void {
    if (this.limit === 0) return;
    this.kept.push(...errors);
    if (this.kept.length > 2 * this.limit) this.kept = firstByLine(this.kept, this.limit);
  }
}

function firstByLine(errors: readonly RowError[], limit: number): RowError[] {
  return [...errors].sort((a, b) => a.line - b.line).slice(0, limit);
}
