import { statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { postCsvFile } from '../apps/cli/src/shared/gateway-client.js';
import { startBenchCluster } from './support/bench-cluster.js';
import { benchFile, median } from './support/bench-file.js';
import { closeHttpAgent, concurrentLatency, sequentialLatency } from './support/http-timing.js';
import { duckDbSeconds, postgresSeconds } from './support/yardsticks.js';

const SEQUENTIAL_REQUESTS = 200;
const CLIENTS = 20;
const REQUESTS_PER_CLIENT = 20;

async function importFile(
  baseUrl: string,
  file: string,
): Promise<{ seconds: number; accepted: number }> {
  const started = performance.now();
  const { accepted } = await postCsvFile(baseUrl, file);
  return { seconds: (performance.now() - started) / 1000, accepted };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: {
      rows: { type: 'string', default: '1000000' },
      transport: { type: 'string', default: 'tcp' },
      file: { type: 'string' },
    },
  });
  const transport = values.transport === 'nats' ? 'nats' : 'tcp';
  const file = benchFile(values.file, Number(values.rows));
  const cluster = await startBenchCluster(transport);
  try {
    const duck = median([
      await duckDbSeconds(file),
      await duckDbSeconds(file),
      await duckDbSeconds(file),
    ]);
    const imported = await importFile(cluster.baseUrl, file);
    const url = `${cluster.baseUrl}/reports/summary`;
    await sequentialLatency(url, 20);
    const sequential = await sequentialLatency(url, SEQUENTIAL_REQUESTS);
    const concurrent = await concurrentLatency(url, CLIENTS, REQUESTS_PER_CLIENT);
    // The same clients on an endpoint that does nothing: what the HTTP stack costs by itself.
    const floor = await concurrentLatency(
      `${cluster.baseUrl}/health/event-loop`,
      CLIENTS,
      REQUESTS_PER_CLIENT,
    );
    closeHttpAgent();
    // After the cluster's runs: the server's work after a large COPY must not overlap them.
    const postgres = await postgresSeconds(file);
    const mib = statSync(file).size / 2 ** 20;
    console.log(
      `file: ${file} (${mib.toFixed(1)} MiB), transport: ${transport}, ${cluster.cities.length} workers`,
    );
    console.log(
      `import: ${imported.seconds.toFixed(2)} s, ${Math.round(imported.accepted / imported.seconds).toLocaleString('en')} rows/s end to end (${imported.accepted.toLocaleString('en')} rows)`,
    );
    console.log(
      `DuckDB read_csv + monthly revenue per city: ${duck.toFixed(3)} s (median of 3); import / DuckDB = ${(imported.seconds / duck).toFixed(2)}x (target <= 3x)`,
    );
    console.log(
      postgres === undefined
        ? 'PostgreSQL: no server answers (PGHOST, PGUSER, PGDATABASE), yardstick skipped'
        : `PostgreSQL COPY (unlogged) + the same GROUP BY: ${postgres.toFixed(3)} s; import / PostgreSQL = ${(imported.seconds / postgres).toFixed(2)}x (target <= 0.5x)`,
    );
    console.log(
      `GET /reports/summary, ${SEQUENTIAL_REQUESTS} sequential: p50 ${sequential.p50.toFixed(1)} ms, p99 ${sequential.p99.toFixed(1)} ms`,
    );
    console.log(
      `GET /reports/summary, ${CLIENTS} concurrent clients x ${REQUESTS_PER_CLIENT}: p50 ${concurrent.p50.toFixed(1)} ms, p99 ${concurrent.p99.toFixed(1)} ms (target p50 <= 10 ms, p99 <= 50 ms)`,
    );
    console.log(
      `GET /health/event-loop (answers at once), the same clients: p50 ${floor.p50.toFixed(1)} ms, p99 ${floor.p99.toFixed(1)} ms: the HTTP stack's floor`,
    );
  } finally {
    await cluster.stop();
  }
}

await main();
