import { Logger } from '@nestjs/common';
import { TRANSACTION_CSV_HEADER } from '#domain/csv';
import { CityStores } from '#domain/ingest';
import { FixedCityDirectory } from '#domain/model';
import { type CityStore } from '#domain/store';
import { StartupRefusal } from '#platform';
import { loadCsvFile } from '#input';
import type { WorkerConfig } from '../worker-config.js';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { cityKey } from '#contracts';
import type { CityJournal } from './city-journal.js';
import { CityShard } from './city-shard.js';
import { ShardLock } from './shard-lock.js';
import { temporaryPath } from './replace-file.js';
import { readSnapshot } from './shard-snapshot.js';
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
  /** Where the worker keeps its other files (the city's targets). */
  readonly folder: string;
  readonly shard: CityJournal;
  /** Held for the worker's life: no second writer on the shard. */
  readonly lock: ShardLock;
  /**
   * Where the rows came back from: a snapshot and the shard's lines (or the stream's entries)
   * after it, or every line (every entry).
   */
  readonly source: 'snapshot' | 'shard' | 'stream';
  /** How long reading them back took. */
  readonly recoverySeconds: number;
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
  try {
    return { ...(await recoverShard(config, writer, logger)), lock, folder: config.dataDir };
  } catch (error) {
    // A worker that cannot start lets go of its shard at once, not only when its process ends.
    await lock.release();
    throw error;
  }
}

async function recoverShard(
  config: Pick<WorkerConfig, 'city' | 'dataDir'>,
  writer: ShardWriter,
  logger: Logger,
): Promise<Omit<CityState, 'lock' | 'folder'>> {
  // A snapshot a crash left half-written is never read: its space is given back first.
  const { shard, torn } = CityShard.open(config.dataDir, config.city, writer);
  rmSync(temporaryPath(shard.snapshotPath), { force: true });
  if (torn !== undefined) {
    logger.warn(
      `${shard.path}: cut off a torn final record of ${torn.bytes} bytes (a crash during an append; that batch was never acknowledged)`,
    );
  }
  try {
    const started = performance.now();
    const snapshot = usableSnapshot(
      shard.snapshotPath,
      (path) => readSnapshot(path, config.city, shard.path),
      'the whole shard',
      logger,
    );
    const fromSnapshot =
      snapshot === undefined ? undefined : await replayTail(snapshot, shard.path, logger);
    const store = fromSnapshot ?? (await replayShard(config.city, shard.path));
    const source = fromSnapshot === undefined ? 'shard' : 'snapshot';
    const seconds = (performance.now() - started) / 1000;
    logger.log(
      `${config.city}: ${store.length} transactions recovered from ${source === 'snapshot' ? 'the snapshot and ' : ''}${shard.path} in ${seconds.toFixed(2)} s`,
    );
    return { store, shard, source, recoverySeconds: seconds };
  } catch (error) {
    shard.close();
    throw error;
  }
}

interface Snapshot {
  readonly store: CityStore;
  readonly shardBytes: number;
}

/**
 * What `read` makes of the snapshot at `path` when it can be trusted; why not is logged, saying
 * what is `replayed` instead (a worker's whole shard, a replica's stream).
 */
export function usableSnapshot<R extends object>(
  path: string,
  read: (path: string) => R,
  replayed: string,
  logger: Logger,
): Exclude<R, { readonly unusable: string }> | undefined {
  if (!existsSync(path)) return undefined;
  try {
    const snapshot = read(path);
    if (!('unusable' in snapshot)) return snapshot as Exclude<R, { readonly unusable: string }>;
    logger.warn(`${path} is not used (${String(snapshot.unusable)}): ${replayed} is replayed`);
  } catch (error) {
    logger.warn(`${path} is not used (${String(error)}): ${replayed} is replayed`);
  }
  return undefined;
}

/**
 * The snapshot's store with the shard's lines after it replayed; undefined when one of those
 * lines does not replay, so that the whole shard is read again and names the file and line.
 */
async function replayTail(
  snapshot: Snapshot,
  shardPath: string,
  logger: Logger,
): Promise<CityStore | undefined> {
  const stores = new CityStores();
  stores.put(snapshot.store);
  const { ingest } = await loadCsvFile(shardPath, new FixedCityDirectory([snapshot.store.city]), {
    keptErrors: 1,
    stores,
    replay: true,
    from: { byte: snapshot.shardBytes, header: TRANSACTION_CSV_HEADER },
  });
  if (ingest.errors.length === 0 && ingest.counts.duplicates === 0) return snapshot.store;
  logger.warn(`${shardPath}: a line after the snapshot does not replay: the whole shard is read`);
  return undefined;
}

/** The store rebuilt from every line of the shard; a bad line stops the worker, naming it. */
async function replayShard(city: string, shardPath: string): Promise<CityStore> {
  const stores = new CityStores();
  const { ingest } = await loadCsvFile(shardPath, new FixedCityDirectory([city]), {
    keptErrors: 1,
    stores,
    replay: true,
  });
  const [corrupt] = ingest.errors;
  if (corrupt !== undefined) throw new ShardCorruptError(shardPath, corrupt.message);
  if (ingest.counts.duplicates > 0) {
    throw new ShardCorruptError(
      shardPath,
      `${ingest.counts.duplicates} transaction ids appear twice`,
    );
  }
  return stores.storeFor(city);
}
