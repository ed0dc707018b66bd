import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { postCsvFile } from '../apps/cli/src/shared/gateway-client.js';
import { startBenchCluster } from './support/bench-cluster.js';
import { benchFile, median } from './support/bench-file.js';
import { closeHttpAgent, concurrentLatency, sequentialLatency } from './support/http-timing.js';
import { duckDbSeconds, postgresSeconds } from './support/yardsticks.js';

const SEQUENTIAL_REQUESTS = 200;
const CLIENTS = 20;
const REQUESTS_PER_CLIENT = 20;

interface Run {
  readonly importSeconds: number;
  readonly accepted: number;
  /** CPU seconds each process spent on the import, by name (`gateway`, then the cities). */
  readonly cpu: ReadonlyMap<string, number>;
  readonly duck: number;
  readonly postgres: number | undefined;
  readonly sequential: { p50: number; p99: number };
  readonly concurrent: { p50: number; p99: number };
  readonly floor: { p50: number; p99: number };
}

/** One fresh cluster: the import with each process's CPU time, the reports, the yardsticks. */
async function run(transport: 'tcp' | 'nats', file: string, appsDir?: string): Promise<Run> {
  const cluster = await startBenchCluster(transport, { appsDir });
  try {
    const duck = median([
      await duckDbSeconds(file),
      await duckDbSeconds(file),
      await duckDbSeconds(file),
    ]);
    const cpuBefore = cluster.cpuSeconds();
    const started = performance.now();
    const { accepted } = await postCsvFile(cluster.baseUrl, file);
    const importSeconds = (performance.now() - started) / 1000;
    const cpu = new Map(
      [...cluster.cpuSeconds()].map(([name, seconds]) => [
        name,
        seconds - (cpuBefore.get(name) ?? 0),
      ]),
    );
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
    return { importSeconds, accepted, cpu, duck, postgres, sequential, concurrent, floor };
  } finally {
    await cluster.stop();
  }
}

function sumOf(cpu: ReadonlyMap<string, number>): number {
  return [...cpu.values()].reduce((sum, seconds) => sum + seconds, 0);
}

function describe(index: number, result: Run): string {
  const cpu = [...result.cpu].map(([name, seconds]) => `${name} ${seconds.toFixed(2)}`).join(', ');
  const postgres =
    result.postgres === undefined
      ? 'PostgreSQL: no server answers (PGHOST, PGUSER, PGDATABASE), skipped'
      : `PostgreSQL COPY + GROUP BY ${result.postgres.toFixed(3)} s, import / PostgreSQL ${(result.importSeconds / result.postgres).toFixed(2)}x`;
  return [
    `run ${index + 1}: import ${result.importSeconds.toFixed(2)} s (${result.accepted.toLocaleString('en')} rows), DuckDB ${result.duck.toFixed(3)} s, import / DuckDB ${(result.importSeconds / result.duck).toFixed(2)}x; ${postgres}`,
    `  CPU seconds: ${cpu}; total ${sumOf(result.cpu).toFixed(2)}`,
    `  /reports/summary ${SEQUENTIAL_REQUESTS} sequential p50 ${result.sequential.p50.toFixed(1)} ms p99 ${result.sequential.p99.toFixed(1)} ms; ${CLIENTS} clients p50 ${result.concurrent.p50.toFixed(1)} ms p99 ${result.concurrent.p99.toFixed(1)} ms; floor /health/event-loop p50 ${result.floor.p50.toFixed(1)} ms p99 ${result.floor.p99.toFixed(1)} ms; summary p50 / floor p50 ${(result.concurrent.p50 / result.floor.p50).toFixed(2)}`,
  ].join('\n');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: {
      rows: { type: 'string', default: '1000000' },
      transport: { type: 'string', default: 'tcp' },
      file: { type: 'string' },
      runs: { type: 'string', default: '1' },
      // Another build's dist/apps, run alternately with this one: before/after in the same run.
      against: { type: 'string' },
    },
  });
  const transport = values.transport === 'nats' ? 'nats' : 'tcp';
  const file = benchFile(values.file, Number(values.rows));
  const mib = statSync(file).size / 2 ** 20;
  console.log(`file: ${file} (${mib.toFixed(1)} MiB), transport: ${transport}, 3 workers`);
  const builds: { name: string; appsDir?: string; runs: Run[] }[] = [
    { name: 'this build', runs: [] },
  ];
  if (values.against !== undefined) {
    builds.push({ name: values.against, appsDir: resolve(values.against), runs: [] });
  }
  for (let index = 0; index < Number(values.runs); index += 1) {
    for (const build of builds) {
      const result = await run(transport, file, build.appsDir);
      build.runs.push(result);
      console.log(`${build.name}, ${describe(index, result)}`);
    }
  }
  for (const build of builds) console.log(`${build.name}: ${medians(build.runs)}`);
}

function medians(runs: readonly Run[]): string {
  const middle = (pick: (result: Run) => number): number => median(runs.map(pick));
  const postgresRatios = runs.flatMap((result) =>
    result.postgres === undefined ? [] : [result.importSeconds / result.postgres],
  );
  return [
    `median of ${runs.length}: import ${middle((r) => r.importSeconds).toFixed(2)} s`,
    `import / DuckDB ${middle((r) => r.importSeconds / r.duck).toFixed(2)}x (target <= 4x)`,
    postgresRatios.length === 0
      ? 'import / PostgreSQL: no server'
      : `import / PostgreSQL ${median(postgresRatios).toFixed(2)}x (target <= 0.7x)`,
    `CPU ${middle((r) => sumOf(r.cpu)).toFixed(2)} s (target <= 1.5 s)`,
    `/reports/summary ${CLIENTS} clients p50 ${middle((r) => r.concurrent.p50).toFixed(1)} ms = ${middle((r) => r.concurrent.p50 / r.floor.p50).toFixed(2)}x the floor (target <= 1.5x), p99 ${middle((r) => r.concurrent.p99).toFixed(1)} ms (target <= 50 ms)`,
  ].join('; ');
}

await main();
