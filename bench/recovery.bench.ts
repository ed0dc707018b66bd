import { copyFileSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { recoverCity } from '../apps/city-worker/src/shard/recover-city.js';
import { DURABLE_WRITER } from '../apps/city-worker/src/shard/shard-writer.js';
import { benchFile, median } from './support/bench-file.js';

const ROUNDS = 5;

/**
 * Rebuild speed of a worker's columns and id index from its shard. A generated one-city file
 * with costs is exactly a shard: the brief's columns plus `cout`, in canonical form.
 */
async function main(): Promise<void> {
  const source = benchFile(process.argv[2], 1_000_000, ['--cities', 'Lyon']);
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-recovery-'));
  copyFileSync(source, join(dataDir, 'lyon.csv'));
  const config = { city: 'Lyon', dataDir };
  const times: number[] = [];
  let rows = 0;
  try {
    for (let round = 0; round < ROUNDS; round += 1) {
      const started = performance.now();
      const { store, shard } = await recoverCity(config, DURABLE_WRITER);
      times.push((performance.now() - started) / 1000);
      rows = store.length;
      shard.close();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
  const seconds = median(times);
  console.log(
    `shard: ${(statSync(source).size / 2 ** 20).toFixed(1)} MiB, ${rows.toLocaleString('en')} rows; median of ${ROUNDS} recoveries: ${seconds.toFixed(3)} s = ${Math.round(rows / seconds).toLocaleString('en')} rows/s (target >= 2,000,000)`,
  );
}

await main();
