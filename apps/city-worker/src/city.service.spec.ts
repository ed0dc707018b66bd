import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, jest } from '@jest/globals';
import type { TestingModule } from '@nestjs/testing';
import { REQUIRED_COLUMNS } from '#domain/csv';
import { CityStores, CsvIngest } from '#domain/ingest';
import { ErrorCode, FixedCityDirectory } from '#domain/model';
import type { IngestBatch } from '#contracts';
import {
  InProcessCityWorkers,
  workerModule,
} from '../../../test/support/in-process-city-workers.js';
import { CityService } from './city.service.js';
import { FILE_WRITER } from './shard/shard-writer.js';
import type { CityState } from './shard/recover-city.js';
import { CITY_STATE } from './tokens.js';

const COLUMNS = [...REQUIRED_COLUMNS];
const BATCH_TEXT = [
  'L1,2024-03-02,Lyon,vente,BMW_X1,41000,NULL',
  'L2,2024-05-20,Lyon,location,Tesla_Model_3,800,12',
  'L3,2024-13-01,Lyon,vente,Audi_A3,30000,NULL',
].join('\n');
const BATCH: IngestBatch = { columns: COLUMNS, lines: [2, 5, 9], csv: BATCH_TEXT };

describe(CityService.name, () => {
  const modules: TestingModule[] = [];
  let workers: InProcessCityWorkers | undefined;

  afterEach(async () => {
    await workers?.close();
    workers = undefined;
    await Promise.all(modules.splice(0).map((module) => module.close()));
  });

  it('stores a batch over the port: accepted, rejected by line, then duplicates', async () => {
    workers = await InProcessCityWorkers.start(['Lyon']);
    const first = await workers.ingest('Lyon', BATCH);
    expect(first).toMatchObject({ accepted: 2, duplicates: 0, rejected: 1 });
    expect(first.errors.map(({ line, code }) => [line, code])).toEqual([
      [9, ErrorCode.InvalidDate],
    ]);
    expect(await workers.ingest('Lyon', BATCH)).toMatchObject({
      accepted: 0,
      duplicates: 2,
      rejected: 1,
    });
    expect(await workers.info('Lyon', {})).toEqual({
      city: 'Lyon',
      transactions: 2,
      firstMonth: '2024-03',
      lastMonth: '2024-05',
      version: expect.stringMatching(/^[0-9a-f]{8}\.1$/),
      // No target set: the digest of nothing (sha256 of the empty text).
      targetsVersion: 'e3b0c44298fc1c14',
    });
  });

  it('refuses a batch holding text UTF-8 cannot store, storing nothing of it', async () => {
    workers = await InProcessCityWorkers.start(['Lyon']);
    await expect(
      workers.ingest('Lyon', {
        columns: COLUMNS,
        lines: [2, 3],
        csv: 'G1,2024-03-02,Lyon,vente,BMW_X1,41000,NULL\nG2\ud800,2024-03-02,Lyon,vente,BMW_X1,41000,NULL',
      }),
    ).rejects.toMatchObject({ workerError: { code: 'INVALID_BATCH' } });
    expect(await workers.info('Lyon', {})).toMatchObject({ transactions: 0 });
  });

  it('refuses dates outside the plausible window, today + MAX_FUTURE_DAYS at the latest', async () => {
    workers = await InProcessCityWorkers.start(['Lyon']);
    const day = (offset: number): string =>
      new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const outcome = await workers.ingest('Lyon', {
      columns: COLUMNS,
      lines: [2, 3, 4, 5],
      csv: [
        `F1,${day(25)},Lyon,vente,BMW_X1,41000,NULL`,
        `F2,${day(40)},Lyon,vente,BMW_X1,41000,NULL`,
        'F3,0024-05-01,Lyon,vente,BMW_X1,41000,NULL',
        'F4,1999-12-31,Lyon,vente,BMW_X1,41000,NULL',
      ].join('\n'),
    });
    expect(outcome.accepted).toBe(1);
    expect(outcome.errors.map(({ line, code }) => [line, code])).toEqual([
      [3, ErrorCode.DateOutOfRange],
      [4, ErrorCode.DateOutOfRange],
      [5, ErrorCode.DateOutOfRange],
    ]);
  });

  it('summarizes what it holds as the one-process ingest of the same rows, after a restart too', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'worker-spec-'));
    const first = await workerModule('Lyon', dataDir);
    const sut = first.get(CityService);
    await sut.ingest(BATCH);
    const stores = new CityStores();
    const oneProcess = new CsvIngest(new FixedCityDirectory(['Lyon']), stores);
    oneProcess.push(`${COLUMNS.join(',')}\n${BATCH_TEXT}\n`);
    oneProcess.end();
    const before = sut.summarize();
    expect(before).toEqual(stores.summarize().cities[0]);
    // A restart: the first worker is gone before the second opens the shard.
    await first.close();
    const restarted = await workerModule('Lyon', dataDir);
    modules.push(restarted);
    expect(restarted.get(CityService).summarize()).toEqual(before);
    expect(restarted.get(CityService).transactions).toBe(2);
  });

  it('keeps its summary up to date batch after batch, as the one-process ingest of all the rows', async () => {
    const module = await workerModule('Lyon', mkdtempSync(join(tmpdir(), 'worker-spec-')));
    modules.push(module);
    const sut = module.get(CityService);
    const rows = [
      'K1,2023-12-30,Lyon,location,Tesla_Model_3,800,12',
      'K2,2024-01-02,Lyon,vente,BMW_X1,41000,NULL',
      'K3,2024-01-15,Lyon,vente,Mercedes_EQE,68000,NULL',
      'K4,2024-02-20,Lyon,location,BMW_X1,650,3',
      'K2,2024-01-02,Lyon,vente,BMW_X1,41000,NULL',
      'K5,2024-02-21,Lyon,location,Audi_e-tron_GT,1500,24',
    ];
    // Summarized between batches: each batch's rows are added to a summary already made. The
    // fifth row repeats K2 and adds nothing.
    const heldAfterEach = [1, 2, 3, 4, 4, 5];
    for (const [index, row] of rows.entries()) {
      await sut.ingest({ columns: COLUMNS, lines: [index + 2], csv: row });
      const { count } = sut.summarize().cells;
      expect(count.reduce((sum, cell) => sum + cell, 0)).toBe(heldAfterEach[index]);
    }
    const stores = new CityStores();
    const oneProcess = new CsvIngest(new FixedCityDirectory(['Lyon']), stores);
    oneProcess.push(`${COLUMNS.join(',')}\n${rows.join('\n')}\n`);
    oneProcess.end();
    expect(sut.summarize()).toEqual(stores.summarize().cities[0]);
  });

  it('folds batches nobody read in between, and a deleted id stored again, into the summary a read gets', async () => {
    const module = await workerModule('Lyon', mkdtempSync(join(tmpdir(), 'worker-lazy-')));
    modules.push(module);
    const sut = module.get(CityService);
    const batches = [
      ['Z1,2024-01-02,Lyon,vente,BMW_X1,41000,NULL', 'Z2,2024-01-20,Lyon,location,BMW_X1,700,6'],
      ['Z3,2024-02-02,Lyon,vente,Audi_A4,38000,NULL'],
    ];
    for (const [index, rows] of batches.entries()) {
      await sut.ingest({
        columns: COLUMNS,
        lines: rows.map((_, i) => index * 10 + i + 2),
        csv: rows.join('\n'),
      });
    }
    const oneProcess = (rows: readonly string[]): unknown => {
      const stores = new CityStores();
      const ingest = new CsvIngest(new FixedCityDirectory(['Lyon']), stores);
      ingest.push(`${COLUMNS.join(',')}\n${rows.join('\n')}\n`);
      ingest.end();
      return stores.summarize().cities[0];
    };
    expect(sut.summarize()).toEqual(oneProcess(batches.flat()));
    // Z1 deleted, then stored again with another price: it goes back to its old row.
    sut.correct({ transactionId: 'Z1' });
    expect(sut.summarize()).toEqual(oneProcess(batches.flat().slice(1)));
    const again = 'Z1,2024-01-02,Lyon,vente,BMW_X1,45000,NULL';
    await sut.ingest({ columns: COLUMNS, lines: [40], csv: again });
    await sut.ingest({
      columns: COLUMNS,
      lines: [41],
      csv: 'Z4,2024-03-02,Lyon,vente,BMW_X1,1,NULL',
    });
    expect(sut.summarize()).toEqual(
      oneProcess([again, ...batches.flat().slice(1), 'Z4,2024-03-02,Lyon,vente,BMW_X1,1,NULL']),
    );
  });

  it('refuses a batch whose bytes are not UTF-8 (a broker client that is not ours) instead of storing U+FFFD', async () => {
    workers = await InProcessCityWorkers.start(['Lyon']);
    const bytes = Buffer.from('X1,2024-03-02,Lyon,vente,BMW_X1,41000,NULL');
    bytes[20] = 0xff;
    await expect(
      workers.ingest('Lyon', { columns: COLUMNS, lines: [2], csv: bytes }),
    ).rejects.toMatchObject({ message: expect.stringContaining('not UTF-8') });
    expect((await workers.info('Lyon', {})).transactions).toBe(0);
  });

  it('keeps the held transaction when a crash cuts a PUT’s record short: the correction was never answered', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'worker-torn-put-'));
    const first = await workerModule('Lyon', dataDir);
    await first.get(CityService).ingest(BATCH);
    await first.close();
    // The process dies in the middle of the correction's write: all but its last 10 bytes land.
    const dying = await workerModule('Lyon', dataDir, {
      onFatal: () => undefined,
      shardWriter: {
        write: (fd: number, data: Buffer): void => {
          FILE_WRITER.write(fd, data.subarray(0, data.length - 10));
          throw new Error('killed');
        },
      },
    });
    const replacement = ['L1', '2024-03-02', 'Lyon', 'vente', 'BMW_X1', '42000', 'NULL'];
    expect(() =>
      dying.get(CityService).correct({
        transactionId: 'L1',
        replacement: { columns: COLUMNS, fields: replacement },
      }),
    ).toThrow(/killed/);
    // Its lock goes with the process; the next worker cuts the torn record and holds L1 as it was.
    await dying.get<CityState>(CITY_STATE).lock.release();
    const restarted = await workerModule('Lyon', dataDir);
    modules.push(restarted);
    const held = restarted.get(CityService).list({ id: 'L1', limit: 1 });
    expect(held.rows.map((row) => [row.transaction_id, row.prix])).toEqual([['L1', 41_000]]);
  });

  it('calls the fatal handler, and answers nothing more, when the shard cannot be written', async () => {
    const onFatal = jest.fn();
    const module = await workerModule('Lyon', mkdtempSync(join(tmpdir(), 'worker-fatal-')), {
      onFatal,
      shardWriter: {
        write: (fd: number, data: Buffer): void => {
          if (data.toString().startsWith('L1')) throw new Error('ENOSPC: no space left on device');
          FILE_WRITER.write(fd, data);
        },
      },
    });
    modules.push(module);
    const sut = module.get(CityService);
    await expect(sut.ingest(BATCH)).rejects.toThrow(/ENOSPC/);
    expect(onFatal).toHaveBeenCalledTimes(1);
    expect(() => sut.summarize()).toThrow(/ENOSPC/);
  });
});
