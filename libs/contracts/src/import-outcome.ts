import type { RowError } from '#domain/model';

export interface CityImportOutcome {
  readonly city: string;
  accepted: number;
  duplicates: number;
  /** Rows whose id the city holds with other content (CONFLICTING_DUPLICATE). */
  conflicts: number;
  rejected: number;
  /** The city's rejections by error code: they add up to `rejected`. */
  readonly rejectedByCode: Record<string, number>;
  /** Records routed to the city whose batch it did not confirm: retry the import for them. */
  notApplied: number;
  /** Why the city stopped confirming, when it did. */
  error?: string;
}

/** What `POST /imports` and `POST /transactions` answer (the dashboard reads it too). */
export interface ImportOutcome {
  readonly rows: number;
  readonly accepted: number;
  readonly duplicates: number;
  /** Rows whose id is stored with other content: rejected as CONFLICTING_DUPLICATE, not in `rejected`. */
  readonly conflicts: number;
  readonly rejected: number;
  /** Every rejection by error code, the cities' and those routed to none: they add up to `rejected`. */
  readonly rejectedByCode: Readonly<Record<string, number>>;
  /** The first rejections by line (at most 1000). */
  readonly errors: readonly RowError[];
  /** The first rows stored but worth a look (PRICE_OUTLIER), by line (at most 1000). */
  readonly warnings: readonly RowError[];
  readonly cities: readonly CityImportOutcome[];
  readonly elapsedMs: number;
}
