import { copyFileSync, mkdtempSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { snapshotPathIn } from '../apps/city-worker/src/shard/city-shard.js';
import { recoverCity } from '../apps/city-worker/src/shard/recover-city.js';
import { FILE_WRITER } from '../apps/city-worker/src/shard/shard-writer.js';
import { writeSnapshot } from '../apps/city-worker/src/shard/shard-snapshot.js';
import { benchFile, median } from './support/bench-file.js';

const ROUNDS = 5;

/**
 * A worker's start on a 1M-row shard, both ways, interleaved: every line replayed (a first start,
 * or after a kill -9 with no snapshot), and from the snapshot a clean stop writes. A generated
 * one-city file with costs is exactly a shard: the brief's columns plus `cout`, canonical.
 */
async function main(): Promise<void> {
  const source = benchFile(process.argv[2], 1_000_000, ['--cities', 'Lyon']);
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-recovery-'));
  copyFileSync(source, join(dataDir, 'lyon.csv'));
  const config = { city: 'Lyon', dataDir };
  const snapshot = snapshotPathIn(config.dataDir, config.city);
  const parked = `${snapshot}.parked`;
  const times = { shard: [] as number[], snapshot: [] as number[] };
  let rows = 0;
  try {
    const first = await recoverCity(config, FILE_WRITER);
    const written = performance.now();
    writeSnapshot(snapshot, first.store, first.shard.path, first.shard.bytes);
    const writeSeconds = (performance.now() - written) / 1000;
    first.shard.close();
    await first.lock.release();
    for (let round = 0; round < ROUNDS; round += 1) {
      for (const source of ['shard', 'snapshot'] as const) {
        if (source === 'shard') renameSync(snapshot, parked);
        const started = performance.now();
        const state = await recoverCity(config, FILE_WRITER);
        times[source].push((performance.now() - started) / 1000);
        if (state.source !== source) throw new Error(`expected a start from the ${source}`);
        rows = state.store.length;
        state.shard.close();
        await state.lock.release();
        if (source === 'shard') renameSync(parked, snapshot);
      }
    }
    const mib = (path: string): string => (statSync(path).size / 2 ** 20).toFixed(1);
    console.log(
      `shard: ${mib(join(dataDir, 'lyon.csv'))} MiB, snapshot: ${mib(snapshot)} MiB (written in ${writeSeconds.toFixed(2)} s at a clean stop), ${rows.toLocaleString('en')} rows; medians of ${ROUNDS}, interleaved:`,
    );
    for (const [way, seconds] of Object.entries(times)) {
      const value = median(seconds);
      console.log(
        `  from the ${way}: ${value.toFixed(3)} s = ${Math.round(rows / value).toLocaleString('en')} rows/s (target >= 3,000,000)`,
      );
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
