import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { ClusterProcesses } from '../../apps/cli/src/start/cluster-processes.js';
import { freePort } from '../../apps/cli/src/start/local-services.js';
import { startCluster } from '../support/cluster.js';

jest.setTimeout(60_000);

const worker = fileURLToPath(new URL('../../dist/apps/city-worker/src/main.js', import.meta.url));

describe('one writer per shard, by construction', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'single-writer-'));
  let cluster: ClusterProcesses;

  beforeAll(async () => {
    cluster = await startCluster('tcp', '', {}, dataDir);
  });

  afterAll(async () => {
    cluster.signalWorker('Lyon', 'SIGCONT');
    await cluster.stop();
  });

  /** A second Lyon worker on the same shard, on a port of its own: it must not start. */
  async function secondWorker(): Promise<{ status: number | null; stderr: string }> {
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
    return { status: run.status, stderr: run.stderr };
  }

  it('refuses a second worker on a shard held by a running one', async () => {
    const second = await secondWorker();
    expect(second.status).toBe(1);
    expect(second.stderr).toContain('lyon.lock is locked by another worker of this city');
  });

  it('refuses it when the first is hung (SIGSTOP) too', async () => {
    cluster.signalWorker('Lyon', 'SIGSTOP');
    const second = await secondWorker();
    cluster.signalWorker('Lyon', 'SIGCONT');
    expect(second.status).toBe(1);
    expect(second.stderr).toContain('is locked by another worker');
  });

  it('lets a worker start on the shard once the first is dead (kill -9)', async () => {
    await cluster.killWorker('Lyon');
    cluster.startWorker('Lyon');
    await cluster.waitHealthy();
  });
});
