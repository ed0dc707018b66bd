import { Logger } from '@nestjs/common';
import { CityStores, FixedCityDirectory, type CityStore } from '#domain';
import { StartupRefusal, loadCsvFile } from '#platform';
import type { WorkerConfig } from '../worker-config.js';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { cityKey } from '#contracts';
import { CityShard } from './city-shard.js';
import { ShardLock } from './shard-lock.js';
import type { ShardWriter } from './shard-writer.js';

/** A shard line that is not what the worker wrote: the worker must not start on it. */
export class ShardCorruptError extends StartupRefusal {
  override name = 'ShardCorruptError';

  constructor(path: string, problem: string) {
    super(`${path}: ${problem}; repair or move the file away, then start again`);
  }
}

/** What a worker serves: its city's rows in memory, and the shard they are durable in. */
export interface CityState {
  readonly store: CityStore;
  readonly shard: CityShard;
  /** Held for the worker's life: no second writer on the shard. */
  readonly lock: ShardLock;
}

/**
 * Rebuilds the city's columns and transaction-id index from its shard, before the worker takes
 * any message. A torn final record is cut off and logged; any other bad line stops the worker.
 */
export async function recoverCity(
  config: Pick<WorkerConfig, 'city' | 'dataDir'>,
  writer: ShardWriter,
): Promise<CityState> {
  const logger = new Logger('Recovery');
  mkdirSync(config.dataDir, { recursive: true });
  const lock = await ShardLock.acquire(join(config.dataDir, `${cityKey(config.city)}.lock`));
  const { shard, torn } = CityShard.open(config.dataDir, config.city, writer);
  if (torn !== undefined) {
    logger.warn(
      `${shard.path}: cut off a torn final record of ${torn.bytes} bytes (a crash during an append; that batch was never acknowledged)`,
    );
  }
  const started = performance.now();
  const stores = new CityStores();
  const store = stores.storeFor(config.city);
  const { ingest } = await loadCsvFile(shard.path, new FixedCityDirectory([config.city]), {
    keptErrors: 1,
    stores,
    replay: true,
  });
  const [corrupt] = ingest.errors;
  if (corrupt !== undefined) throw new ShardCorruptError(shard.path, corrupt.message);
  if (ingest.counts.duplicates > 0) {
    throw new ShardCorruptError(
      shard.path,
      `${ingest.counts.duplicates} transaction ids appear twice`,
    );
  }
  const seconds = (performance.now() - started) / 1000;
  logger.log(
    `${config.city}: ${ingest.counts.accepted} transactions recovered from ${shard.path} in ${seconds.toFixed(2)} s`,
  );
  return { store, shard, lock };
}
