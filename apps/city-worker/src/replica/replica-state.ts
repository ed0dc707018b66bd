import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import { CityStore } from '#domain/store';
import { StartupRefusal } from '#platform';
import { INGEST_ORDER_WAIT_MS, cityKey } from '#contracts';
import { BatchOrder } from '../batch-order.js';
import type { CityJournal } from '../shard/city-journal.js';
import { usableSnapshot, type CityState } from '../shard/recover-city.js';
import type { Logged } from './log-entry.js';
import { temporaryPath } from '../shard/replace-file.js';
import { ShardLock, ShardLockedError } from '../shard/shard-lock.js';
import { readStreamSnapshot, writeStreamSnapshot } from '../shard/shard-snapshot.js';
import type { WorkerConfig } from '../worker-config.js';

/** Replicas of one city one host may run side by side (each its own folder). */
const MAX_SLOTS = 16;

export interface ReplicaProgress {
  /** The last stream entry received (0: none): every entry up to it is applied or held. */
  applied: number;
  /**
   * Where each import stands, and its batches received ahead of an earlier one (held, not yet in
   * the store: while there are, the store is no state of the stream and no snapshot is taken).
   */
  readonly order: BatchOrder<Logged>;
}

/**
 * A replica's state: what {@link CityState} says, its `folder` its own (its snapshot, its
 * targets: `DATA_DIR/replicas/<city>-<n>`), and where it resumes.
 */
export interface ReplicaState extends CityState {
  /** How far the {@link ReplicaLog} went; it moves it on. */
  readonly progress: ReplicaProgress;
}

/**
 * A replica keeps nothing but a snapshot: the city's stream is its log. The journal's writes do
 * nothing; its snapshot records the stream entry it covers (`progress.applied`) and where each
 * import then stood.
 */
class ReplicaJournal implements CityJournal {
  readonly bytes = 0;

  constructor(
    readonly path: string,
    private readonly snapshotFile: string,
    private readonly progress: Readonly<ReplicaProgress>,
  ) {}

  append(): void {
    return undefined;
  }

  writeLines(): void {
    return undefined;
  }

  commit(): Promise<void> {
    return Promise.resolve();
  }

  settle(): Promise<void> {
    return Promise.resolve();
  }

  snapshot(store: CityStore): void {
    const sessions = this.progress.order.state();
    if (sessions === undefined) {
      throw new Error(
        'an import batch waits for an earlier one: the store is not a state of the stream',
      );
    }
    writeStreamSnapshot(this.snapshotFile, store, this.path, this.progress.applied, sessions);
  }

  close(): void {
    return undefined;
  }
}

/**
 * Takes the first free replica folder of the city on this host (a restart takes its own back
 * first: the lowest free one) and its snapshot, when one can be used; the stream's entries after
 * it are applied by the {@link ReplicaLog} before the replica serves.
 */
export async function recoverReplica(
  config: Pick<WorkerConfig, 'city' | 'dataDir'>,
  stream: string,
): Promise<ReplicaState> {
  const logger = new Logger('Recovery');
  const started = performance.now();
  const { folder, lock } = await takeSlot(config);
  const snapshotFile = join(folder, 'store.snapshot');
  rmSync(temporaryPath(snapshotFile), { force: true });
  const snapshot = usableSnapshot(
    snapshotFile,
    (path) => readStreamSnapshot(path, config.city, stream),
    'the stream',
    logger,
  );
  const store = snapshot?.store ?? new CityStore(config.city);
  const seq = snapshot?.streamSeq ?? 0;
  logger.log(
    `${config.city} replica in ${folder}: ${store.length} transactions from its snapshot (stream ${stream} up to ${seq}); the entries after it are replayed`,
  );
  const progress: ReplicaProgress = {
    applied: seq,
    order: new BatchOrder<Logged>(INGEST_ORDER_WAIT_MS, snapshot?.sessions),
  };
  return {
    store,
    shard: new ReplicaJournal(stream, snapshotFile, progress),
    lock,
    source: seq > 0 ? 'snapshot' : 'stream',
    recoverySeconds: (performance.now() - started) / 1000,
    folder,
    progress,
  };
}

async function takeSlot(
  config: Pick<WorkerConfig, 'city' | 'dataDir'>,
): Promise<{ folder: string; lock: ShardLock }> {
  const key = cityKey(config.city);
  for (let slot = 0; slot < MAX_SLOTS; slot += 1) {
    const folder = join(config.dataDir, 'replicas', `${key}-${slot}`);
    mkdirSync(folder, { recursive: true });
    try {
      return { folder, lock: await ShardLock.acquire(join(folder, 'replica.lock')) };
    } catch (error) {
      if (!(error instanceof ShardLockedError)) throw error;
    }
  }
  throw new StartupRefusal(
    `${MAX_SLOTS} replicas of ${config.city} already run from ${config.dataDir}: give this one another DATA_DIR`,
  );
}
