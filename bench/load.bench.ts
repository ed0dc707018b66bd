import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ClusterProcesses } from '../apps/cli/src/start/cluster-processes.js';
import {
  freePort,
  freePortRange,
  natsServerBinary,
  startNatsServer,
  type NatsServer,
} from '../apps/cli/src/start/local-services.js';
import { postCsvFile } from '#platform';
import { benchFile } from './support/bench-file.js';

const CITIES = ['Lyon', 'Paris', 'Marseille'];

function percentile(values: readonly number[], share: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)];
}

/** One client: GET /reports/summary again and again until `deadline`. */
async function client(
  url: string,
  deadline: number,
  latencies: number[],
  errors: string[],
): Promise<void> {
  while (Date.now() < deadline) {
    const started = performance.now();
    try {
      const response = await fetch(url);
      await response.arrayBuffer();
      if (response.ok) latencies.push(performance.now() - started);
      else errors.push(`HTTP ${response.status}`);
    } catch (error) {
      errors.push(String(error));
    }
  }
}

/** 50 clients read /reports/summary for 30 s while a 1M-row import runs. */
async function main(): Promise<void> {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: {
      rows: { type: 'string', default: '1000000' },
      clients: { type: 'string', default: '50' },
      seconds: { type: 'string', default: '30' },
      transport: { type: 'string', default: 'tcp' },
    },
  });
  const transport = values.transport === 'nats' ? 'nats' : 'tcp';
  const file = benchFile(undefined, Number(values.rows));
  let nats: NatsServer | undefined;
  if (transport === 'nats') {
    const binary = natsServerBinary();
    if (binary === undefined) throw new Error('nats-server is not installed');
    nats = await startNatsServer(binary);
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-load-'));
  const cluster = new ClusterProcesses({
    transport,
    cities: CITIES,
    port: await freePort(),
    workerBasePort: await freePortRange(CITIES.length),
    natsUrl: nats?.url ?? '',
    dataDir,
  });
  try {
    cluster.start();
    await cluster.waitHealthy();
    const deadline = Date.now() + Number(values.seconds) * 1000;
    const latencies: number[] = [];
    const errors: string[] = [];
    const importStarted = performance.now();
    const importing = postCsvFile(cluster.baseUrl, file).then(
      () => (performance.now() - importStarted) / 1000,
    );
    await Promise.all(
      Array.from({ length: Number(values.clients) }, () =>
        client(`${cluster.baseUrl}/reports/summary`, deadline, latencies, errors),
      ),
    );
    const importSeconds = await importing;
    console.log(
      `${transport}: ${values.clients} clients on /reports/summary for ${values.seconds} s, during an import of ${Number(values.rows).toLocaleString('en')} rows (done in ${importSeconds.toFixed(2)} s)`,
    );
    console.log(
      `requests: ${latencies.length + errors.length}, errors: ${errors.length}${errors.length > 0 ? ` (first: ${errors[0]})` : ''}`,
    );
    console.log(
      `latency: p50 ${percentile(latencies, 0.5).toFixed(1)} ms, p99 ${percentile(latencies, 0.99).toFixed(1)} ms, max ${Math.max(...latencies).toFixed(1)} ms; ${(latencies.length / Number(values.seconds)).toFixed(0)} requests/s`,
    );
  } finally {
    await cluster.stop();
    await nats?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
