import type { RowError } from '../model/errors.js';

/** How many rows each error code refused. */
export type CodeCounts = Readonly<Record<string, number>>;

/**
 * The first `limit` rejections by line, in bounded memory whatever order they arrive in (a
 * gateway hears its cities in any order); `count` counts them all, and by code.
 */
export class FirstErrors {
  count = 0;
  private kept: RowError[] = [];
  private readonly codes: Record<string, number> = {};

  constructor(readonly limit: number) {}

  add(error: RowError): void {
    this.count += 1;
    this.codes[error.code] = (this.codes[error.code] ?? 0) + 1;
    this.keep([error]);
  }

  /** Errors counted elsewhere (a worker's first ones of `count`, `byCode` of them by code). */
  addCounted(errors: readonly RowError[], count: number, byCode: CodeCounts = {}): void {
    this.count += count;
    addCodes(this.codes, byCode);
    this.keep(errors);
  }

  /** Every error counted, by code, but those of `except`. */
  countsByCode(except?: string): Record<string, number> {
    return sortedCodes(this.codes, except);
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

/** Adds `counts` to `total`, code by code. */
export function addCodes(total: Record<string, number>, counts: CodeCounts): void {
  for (const [code, count] of Object.entries(counts)) total[code] = (total[code] ?? 0) + count;
}

/** `counts` in code order, but those of `except`: the same counts read the same everywhere. */
export function sortedCodes(counts: CodeCounts, except?: string): Record<string, number> {
  return Object.fromEntries(
    Object.entries(counts)
      .filter(([code]) => code !== except)
      .sort(),
  );
}
