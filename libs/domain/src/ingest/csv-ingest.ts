import type { CityDirectory } from '../model/cities.js';
import type { RowError } from '../model/errors.js';
import type { CityStores } from './city-stores.js';
import { FirstErrors } from './first-errors.js';
import { RecordPipeline } from './record-pipeline.js';
import { ValidatingSink } from './validating-sink.js';

export interface IngestCounts {
  /** Records read after the header (blank lines excepted). */
  rows: number;
  accepted: number;
  duplicates: number;
  rejected: number;
}

/**
 * Loads a CSV file, fed in chunks, into city stores through the record pipeline: every record
 * validated and appended, duplicates counted, rejections counted and the first ones kept.
 */
export class CsvIngest {
  private accepted = 0;
  private duplicates = 0;
  private readonly rejections: FirstErrors;
  private readonly pipeline: RecordPipeline;

  constructor(cities: CityDirectory, stores: CityStores, keptErrors = 1000) {
    this.rejections = new FirstErrors(keptErrors);
    this.pipeline = new RecordPipeline(
      new ValidatingSink(cities, {
        valid: (transaction) => {
          if (stores.storeFor(transaction.city).append(transaction) === 'accepted') {
            this.accepted += 1;
          } else {
            this.duplicates += 1;
          }
        },
        rejected: (error) => {
          this.rejections.add(error);
        },
      }),
    );
  }

  get counts(): IngestCounts {
    return {
      rows: this.pipeline.rows,
      accepted: this.accepted,
      duplicates: this.duplicates,
      rejected: this.rejections.count,
    };
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
