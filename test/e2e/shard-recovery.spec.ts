import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import { TRANSACTION_CSV_HEADER } from '#domain';
import { freePort } from '../../apps/cli/src/start/local-services.js';

const worker = fileURLToPath(new URL('../../dist/apps/city-worker/src/main.js', import.meta.url));

describe('a shard line the worker did not write', () => {
  it('stops the worker with the file and the line, instead of skipping it', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'corrupt-'));
    const shard = join(dataDir, 'lyon.csv');
    writeFileSync(
      shard,
      `${TRANSACTION_CSV_HEADER}\nT1,2025-01-02,Lyon,vente,BMW_X3,45000,NULL,\nT2,2025-13-02,Lyon,vente,BMW_X3,45000,NULL,\nT3,2025-01-03,Lyon,vente,BMW_X3,45000,NULL,\n`,
    );
    const run = spawnSync(process.execPath, [worker], {
      env: {
        ...process.env,
        CITY: 'Lyon',
        DATA_DIR: dataDir,
        WORKER_PORT: String(await freePort()),
        NO_COLOR: '1',
      },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      `${shard}: line 3: date "2025-13-02" is not a real date written YYYY-MM-DD`,
    );
  });
});
