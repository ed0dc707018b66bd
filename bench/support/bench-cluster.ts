import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ClusterProcesses } from '../../apps/cli/src/start/cluster-processes.js';
import {
  freePort,
  freePortRange,
  natsServerBinary,
  startNatsServer,
  type NatsServer,
} from '../../apps/cli/src/start/local-services.js';

const CITIES = ['Lyon', 'Paris', 'Marseille'];

export interface BenchCluster {
  readonly baseUrl: string;
  readonly cities: readonly string[];
  stop(): Promise<void>;
}

/**
 * The gateway and three workers as processes on free ports, with shards in a temporary
 * directory (and, over NATS, a private nats-server); everything is removed by `stop`.
 */
export async function startBenchCluster(transport: 'tcp' | 'nats'): Promise<BenchCluster> {
  let nats: NatsServer | undefined;
  if (transport === 'nats') {
    const binary = natsServerBinary();
    if (binary === undefined)
      throw new Error('nats-server is not installed (apt-get install nats-server)');
    nats = await startNatsServer(binary);
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-shards-'));
  const cluster = new ClusterProcesses({
    transport,
    cities: CITIES,
    port: await freePort(),
    workerBasePort: await freePortRange(CITIES.length),
    natsUrl: nats?.url ?? '',
    dataDir,
  });
  const stop = async (): Promise<void> => {
    await cluster.stop();
    await nats?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    cluster.start();
    await cluster.waitHealthy();
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseUrl: cluster.baseUrl, cities: CITIES, stop };
}

/** The value below which `share` of the values fall (nearest rank). */
export function percentile(values: readonly number[], share: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)] ?? Number.NaN;
}
