import type { RowError } from '#domain/model';
import type { CsvDialect } from '#domain/ingest';

/** The answer to `POST /targets`. */
export interface TargetsOutcome {
  readonly dialect: CsvDialect;
  /** Lines read after the header (blank ones aside). */
  readonly received: number;
  /** Targets stored (new or replacing one). */
  readonly stored: number;
  /** Of those, how many replaced a target of the same city, month and type. */
  readonly replaced: number;
  readonly rejected: number;
  /** Every refused line, by its number, with its code. */
  readonly errors: readonly RowError[];
}
