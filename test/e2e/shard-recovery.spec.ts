import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, jest } from '@jest/globals';
import { TRANSACTION_CSV_HEADER } from '#domain/csv';
import { getJson, startCluster } from '../support/cluster.js';
import { runLyonWorker } from '../support/worker-run.js';

jest.setTimeout(60_000);

describe('a shard line the worker did not write', () => {
  it('stops the worker with the file and the line, instead of skipping it', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'corrupt-'));
    const shard = join(dataDir, 'lyon.csv');
    writeFileSync(
      shard,
      `${TRANSACTION_CSV_HEADER}\nT1,2025-01-02,Lyon,vente,BMW_X3,45000,NULL,\nT2,2025-13-02,Lyon,vente,BMW_X3,45000,NULL,\nT3,2025-01-03,Lyon,vente,BMW_X3,45000,NULL,\n`,
    );
    const run = await runLyonWorker(dataDir);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      `${shard}: line 3: date "2025-13-02" is not a real date written YYYY-MM-DD`,
    );
  });
});

describe('a shard cut during an append of a record with a quoted line break', () => {
  it('cuts exactly the torn tail, and keeps a whole record that spans lines', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'torn-quoted-'));
    const whole = 'T1,2025-01-02,Lyon,vente,BMW_X3,45000,NULL,';
    // Lyon: torn right after the line break inside the quotes (the file ends with a line break).
    writeFileSync(
      join(dataDir, 'lyon.csv'),
      `${TRANSACTION_CSV_HEADER}\n${whole}\nT2,2025-01-03,Lyon,vente,"Tesla\n`,
    );
    // Paris: torn further on, past the quoted line break.
    writeFileSync(
      join(dataDir, 'paris.csv'),
      `${TRANSACTION_CSV_HEADER}\n${whole.replace('Lyon', 'Paris')}\nT2,2025-01-03,Paris,vente,"Tesla\nModel_Y",41`,
    );
    // Marseille: the last record spans two lines and is whole: nothing to cut.
    const spanning = 'T2,2025-01-03,Marseille,vente,"Tesla\nModel_Y",41000,NULL,';
    writeFileSync(
      join(dataDir, 'marseille.csv'),
      `${TRANSACTION_CSV_HEADER}\n${whole.replace('Lyon', 'Marseille')}\n${spanning}\n`,
    );
    const cluster = await startCluster('tcp', '', {}, dataDir);
    try {
      const { body } = await getJson(`${cluster.baseUrl}/cities`);
      const held = Object.fromEntries(
        (body as unknown as { city: string; transactions: number }[]).map((c) => [
          c.city,
          c.transactions,
        ]),
      );
      expect(held).toEqual({ Lyon: 1, Marseille: 2, Paris: 1 });
      expect(readFileSync(join(dataDir, 'lyon.csv'), 'utf8')).toBe(
        `${TRANSACTION_CSV_HEADER}\n${whole}\n`,
      );
    } finally {
      await cluster.stop();
    }
  });
});

describe('a shard line with more fields than the header', () => {
  it('stops the worker, naming the line', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'too-many-'));
    writeFileSync(
      join(dataDir, 'lyon.csv'),
      `${TRANSACTION_CSV_HEADER}\nT1,2025-01-02,Lyon,location,BMW_X3,799,5,12,\n`,
    );
    const run = await runLyonWorker(dataDir);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('line 2: 9 fields where the header has 8');
  });
});
