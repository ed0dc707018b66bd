import {
  appendFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from '@jest/globals';
import type { TestingModule } from '@nestjs/testing';
import { REQUIRED_COLUMNS } from '#domain/csv';
import { CityStores, CsvIngest } from '#domain/ingest';
import { FixedCityDirectory } from '#domain/model';
import { workerModule } from '../../../../test/support/in-process-city-workers.js';
import { CityService } from '../city.service.js';
import { CITY_STATE } from '../tokens.js';
import { ShardCorruptError, type CityState } from './recover-city.js';

const COLUMNS = [...REQUIRED_COLUMNS];
const ROWS = Array.from(
  { length: 300 },
  (_, row) =>
    `R${row},2024-${String((row % 12) + 1).padStart(2, '0')}-10,Lyon,${row % 3 === 0 ? 'location' : 'vente'},M${row % 5},${row % 3 === 0 ? 700 : 40_000 + row},${row % 3 === 0 ? 12 : 'NULL'}`,
);

/** The one-process summary of these rows: what a worker must hold whatever way it started. */
function expected(rows: readonly string[]): unknown {
  const stores = new CityStores();
  const ingest = new CsvIngest(new FixedCityDirectory(['Lyon']), stores);
  ingest.push(`${COLUMNS.join(',')}\n${rows.join('\n')}\n`);
  ingest.end();
  return stores.summarize().cities[0];
}

describe('the store snapshot', () => {
  const modules: TestingModule[] = [];
  afterEach(async () => {
    await Promise.all(modules.splice(0).map((module) => module.close()));
  });

  /** A worker on `dataDir`, and where its rows came back from. */
  async function worker(dataDir: string): Promise<CityService & { source: string }> {
    const module = await workerModule('Lyon', dataDir);
    modules.push(module);
    const { source } = module.get<CityState>(CITY_STATE);
    return Object.assign(module.get(CityService), { source });
  }

  async function stopped(dataDir: string, rows: readonly string[]): Promise<void> {
    const module = await workerModule('Lyon', dataDir);
    await module
      .get(CityService)
      .ingest({ columns: COLUMNS, lines: rows.map((_, i) => i + 2), csv: rows.join('\n') });
    await module.close();
  }

  it('is written at a clean stop, and the next start holds the same rows from it', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'snapshot-'));
    await stopped(dataDir, ROWS);
    expect(existsSync(join(dataDir, 'lyon.snapshot'))).toBe(true);
    const sut = await worker(dataDir);
    expect(sut.source).toBe('snapshot');
    expect(sut.summarize()).toEqual(expected(ROWS));
    // Its ids are known: the same rows again are duplicates.
    await expect(
      sut.ingest({ columns: COLUMNS, lines: [2], csv: ROWS[7]! }),
    ).resolves.toMatchObject({
      accepted: 0,
      duplicates: 1,
    });
  });

  it('leaves no half-written file when it cannot be written, and one a crash left is removed at start', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'snapshot-'));
    // A snapshot that cannot take its place (here a folder in the way; a full disk alike).
    mkdirSync(join(dataDir, 'lyon.snapshot', 'in-the-way'), { recursive: true });
    await stopped(dataDir, ROWS);
    expect(existsSync(join(dataDir, 'lyon.snapshot.tmp'))).toBe(false);
    // What a crash during the write leaves: ~100 KB a nearly full disk needs back.
    writeFileSync(join(dataDir, 'lyon.snapshot.tmp'), Buffer.alloc(100_000));
    const sut = await worker(dataDir);
    expect(existsSync(join(dataDir, 'lyon.snapshot.tmp'))).toBe(false);
    expect(sut.summarize()).toEqual(expected(ROWS));
  });

  it('is followed by the shard lines written after it (a worker killed after more imports)', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'snapshot-'));
    await stopped(dataDir, ROWS.slice(0, 200));
    // What a worker started from the snapshot appended before a kill -9: lines, no new snapshot.
    // The shard's lines carry `cout` (NULL here).
    const tail = ROWS.slice(200).map((row) => `${row},NULL\n`);
    appendFileSync(join(dataDir, 'lyon.csv'), tail.join(''));
    const sut = await worker(dataDir);
    expect(sut.source).toBe('snapshot');
    expect(sut.summarize()).toEqual(expected(ROWS));
  });

  it('is not used when the shard no longer starts as it did: the whole shard is read', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'snapshot-'));
    await stopped(dataDir, ROWS);
    const shard = join(dataDir, 'lyon.csv');
    // A shard restored from an older backup: its first rows only.
    const lines = readFileSync(shard, 'utf8').split('\n');
    writeFileSync(shard, `${lines.slice(0, 101).join('\n')}\n`);
    const sut = await worker(dataDir);
    expect(sut.source).toBe('shard');
    expect(sut.summarize()).toEqual(expected(ROWS.slice(0, 100)));
  });

  it('is not used when its own bytes are damaged', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'snapshot-'));
    await stopped(dataDir, ROWS);
    const path = join(dataDir, 'lyon.snapshot');
    const bytes = readFileSync(path);
    const at = bytes.length - 100;
    bytes.writeUInt8(bytes.readUInt8(at) ^ 0xff, at);
    writeFileSync(path, bytes);
    const sut = await worker(dataDir);
    expect(sut.source).toBe('shard');
    expect(sut.summarize()).toEqual(expected(ROWS));
  });

  it('does not hide a bad line after it: the worker stops naming the file and line', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'snapshot-'));
    await stopped(dataDir, ROWS);
    appendFileSync(join(dataDir, 'lyon.csv'), 'BAD,2024-13-45,Lyon,vente,M1,1,NULL,NULL\n');
    const refusal = workerModule('Lyon', dataDir);
    await expect(refusal).rejects.toThrow(ShardCorruptError);
    // The header is line 1, the 300 rows lines 2 to 301.
    await expect(refusal).rejects.toThrow(/lyon\.csv: line 302: /);
  });
});
