import type { CityDirectory } from '../model/cities.js';
import type { RowError } from '../model/errors.js';
import type { CityStores } from './city-stores.js';
import { AppendTally } from './append-tally.js';
import type { DateWindow } from './date-window.js';
import { FirstErrors } from './first-errors.js';
import { RecordPipeline } from './record-pipeline.js';
import { TombstoneSink } from './tombstone.js';
import { ValidatingSink } from './validating-sink.js';

export interface IngestCounts {
  /** Records read after the header (blank lines excepted). */
  rows: number;
  accepted: number;
  duplicates: number;
  /** Ids stored with other content (CONFLICTING_DUPLICATE). */
  conflicts: number;
  rejected: number;
}

export interface CsvIngestOptions {
  /** How many rejections to keep (all are counted); 1000 by default. */
  readonly keptErrors?: number;
  /** The plausible window of new rows; none when the rows were checked before (a shard). */
  readonly dates?: DateWindow;
  /** A shard replayed: its tombstones delete the ids they name, and no record is too long. */
  readonly replay?: boolean;
  /** Longer records are refused (RECORD_TOO_LONG); DEFAULT_MAX_RECORD_CHARS by default. */
  readonly maxRecordChars?: number;
}

/** The default of MAX_RECORD_BYTES: a record is a few hundred characters; 64 Ki is a typo. */
export const DEFAULT_MAX_RECORD_CHARS = 64 * 1024;

/**
 * Loads a CSV file, fed in chunks, into city stores through the record pipeline: every record
 * validated and appended, duplicates counted, rejections counted and the first ones kept.
 */
export class CsvIngest {
  private readonly tally: AppendTally;
  private readonly rejections: FirstErrors;
  private readonly pipeline: RecordPipeline;

  constructor(cities: CityDirectory, stores: CityStores, options: CsvIngestOptions = {}) {
    this.rejections = new FirstErrors(options.keptErrors ?? 1000);
    const tally = new AppendTally(this.rejections);
    this.tally = tally;
    const validating = new ValidatingSink(
      cities,
      {
        valid: (transaction, record) => {
          tally.append(stores.storeFor(transaction.city), transaction, record.line);
        },
        rejected: (error) => {
          this.rejections.add(error);
        },
      },
      options.dates,
    );
    const replay = options.replay === true;
    this.pipeline = new RecordPipeline(
      replay ? new TombstoneSink(cities, stores, validating) : validating,
      undefined,
      replay ? undefined : (options.maxRecordChars ?? DEFAULT_MAX_RECORD_CHARS),
    );
  }

  get counts(): IngestCounts {
    return {
      rows: this.pipeline.rows,
      accepted: this.tally.accepted,
      duplicates: this.tally.duplicates,
      conflicts: this.tally.conflicts,
      rejected: this.tally.rejected(),
    };
  }

  /** The first warnings (rows stored with an unusual price), by line. */
  get warnings(): RowError[] {
    return this.tally.warnings.list();
  }

  /** The first rejections, by line. */
  get errors(): RowError[] {
    return this.rejections.list();
  }

  push(chunk: string): void {
    this.pipeline.push(chunk);
  }

  /** Ends the input; a file without a header is rejected whole. */
  end(): void {
    this.pipeline.end();
  }
}
