import type { RowError } from '#domain';

export interface CityImportOutcome {
  readonly city: string;
  accepted: number;
  duplicates: number;
  rejected: number;
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
  readonly rejected: number;
  /** The first rejections by line (at most 1000). */
  readonly errors: readonly RowError[];
  readonly cities: readonly CityImportOutcome[];
  readonly elapsedMs: number;
}
