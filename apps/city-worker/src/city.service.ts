import { Inject, Injectable } from '@nestjs/common';
import {
  CityStore,
  FixedCityDirectory,
  formatMonth,
  ingestBatch,
  monthBounds,
  summarizeCity,
  type CitySummary,
} from '#domain';
import { MAX_BATCH_ERRORS, type CityInfo, type IngestBatch, type IngestResult } from '#contracts';
import { WORKER_CONFIG } from './tokens.js';
import type { WorkerConfig } from './worker-config.js';

/** One city's transactions, and its summary, kept until the next ingest changes them. */
@Injectable()
export class CityService {
  private readonly store: CityStore;
  private readonly directory: FixedCityDirectory;
  private summary: CitySummary | undefined;

  constructor(@Inject(WORKER_CONFIG) config: WorkerConfig) {
    this.store = new CityStore(config.city);
    this.directory = new FixedCityDirectory([config.city]);
  }

  ingest(batch: IngestBatch): IngestResult {
    const outcome = ingestBatch(this.store, this.directory, batch, MAX_BATCH_ERRORS);
    if (outcome.accepted > 0) this.summary = undefined;
    return outcome;
  }

  summarize(): CitySummary {
    this.summary ??= summarizeCity(this.store.columns());
    return this.summary;
  }

  info(): CityInfo {
    const bounds = monthBounds([this.summarize()]);
    return {
      city: this.store.city,
      transactions: this.store.length,
      firstMonth: bounds === undefined ? null : formatMonth(bounds.first),
      lastMonth: bounds === undefined ? null : formatMonth(bounds.last),
    };
  }
}
