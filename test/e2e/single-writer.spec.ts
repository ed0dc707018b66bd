import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { ClusterProcesses } from '../../apps/cli/src/start/cluster-processes.js';
import { startCluster } from '../support/cluster.js';
import { runLyonWorker } from '../support/worker-run.js';

jest.setTimeout(60_000);

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

  it('refuses a second worker on a shard held by a running one', async () => {
    const second = await runLyonWorker(dataDir);
    expect(second.status).toBe(1);
    expect(second.stderr).toContain('lyon.lock is locked by another worker of this city');
  });

  it('refuses it when the first is hung (SIGSTOP) too', async () => {
    cluster.signalWorker('Lyon', 'SIGSTOP');
    const second = await runLyonWorker(dataDir);
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
