import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  ClusterProcesses,
  type ClusterOptions,
} from '../../apps/cli/src/start/cluster-processes.js';
import { freePort, freePortRange } from '../../apps/cli/src/start/local-services.js';

export const E2E_CITIES = ['Lyon', 'Marseille', 'Paris'];

/** Gateway and workers as real processes on free ports. */
export async function startCluster(
  transport: 'tcp' | 'nats',
  natsUrl = '',
  env: Record<string, string> = {},
  dataDir = mkdtempSync(join(tmpdir(), 'shards-')),
  more: Pick<
    ClusterOptions,
    'log' | 'metricsBasePort' | 'gatewayEnv' | 'workerEnv' | 'replicas'
  > = {},
): Promise<ClusterProcesses> {
  const cluster = new ClusterProcesses({
    ...more,
    transport,
    cities: E2E_CITIES,
    port: await freePort(),
    workerBasePort: await freePortRange(E2E_CITIES.length),
    natsUrl,
    env,
    appsDir: fileURLToPath(new URL('../../dist/apps', import.meta.url)),
    dataDir,
  });
  cluster.start();
  try {
    await cluster.waitHealthy();
  } catch (error) {
    await cluster.stop();
    throw error;
  }
  return cluster;
}

export async function getJson(
  url: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(url, { headers });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}
