import { statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { DuckDBInstance } from '@duckdb/node-api';
import { postCsvFile } from '#platform';
import { percentile, startBenchCluster } from './support/bench-cluster.js';
import { benchFile, median } from './support/bench-file.js';

const SEQUENTIAL_REQUESTS = 200;
const CLIENTS = 20;
const REQUESTS_PER_CLIENT = 20;

/** DuckDB reads the CSV and sums the monthly revenue per city: the yardstick for our import. */
async function duckDbSeconds(file: string): Promise<number> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const started = performance.now();
  await connection.runAndReadAll(
    `SELECT ville, strftime(date, '%Y-%m') AS month,
            sum(CASE WHEN type = 'vente' THEN prix ELSE prix * duree_location_mois END) AS revenue
       FROM read_csv('${file.replaceAll("'", "''")}', nullstr = 'NULL')
      GROUP BY ALL ORDER BY ALL`,
  );
  const seconds = (performance.now() - started) / 1000;
  connection.closeSync();
  instance.closeSync();
  return seconds;
}

async function importFile(
  baseUrl: string,
  file: string,
): Promise<{ seconds: number; accepted: number }> {
  const started = performance.now();
  const { accepted } = await postCsvFile(baseUrl, file);
  return { seconds: (performance.now() - started) / 1000, accepted };
}

async function timedGet(url: string): Promise<number> {
  const started = performance.now();
  const response = await fetch(url);
  await response.arrayBuffer();
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return performance.now() - started;
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
    await timedGet(url);
    const sequential: number[] = [];
    for (let request = 0; request < SEQUENTIAL_REQUESTS; request += 1)
      sequential.push(await timedGet(url));
    const concurrent: number[] = [];
    await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        for (let request = 0; request < REQUESTS_PER_CLIENT; request += 1)
          concurrent.push(await timedGet(url));
      }),
    );
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
      `GET /reports/summary, ${SEQUENTIAL_REQUESTS} sequential: p50 ${percentile(sequential, 0.5).toFixed(1)} ms, p99 ${percentile(sequential, 0.99).toFixed(1)} ms (target p50 <= 20 ms)`,
    );
    console.log(
      `GET /reports/summary, ${CLIENTS} concurrent clients x ${REQUESTS_PER_CLIENT}: p50 ${percentile(concurrent, 0.5).toFixed(1)} ms, p99 ${percentile(concurrent, 0.99).toFixed(1)} ms`,
    );
  } finally {
    await cluster.stop();
  }
}

await main();
