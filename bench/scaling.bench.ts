import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { postCsvFile } from '../apps/cli/src/shared/gateway-client.js';
import { startBenchCluster } from './support/bench-cluster.js';
import { benchFile } from './support/bench-file.js';
import { closeHttpAgent, concurrentLatency, sequentialLatency } from './support/http-timing.js';
import { csvRows } from './support/csv-text.js';
import { writeCsv, writeSvgPlot } from './support/plots.js';

const ALL_CITIES = ['Lyon', 'Paris', 'Marseille', 'Toulouse', 'Bordeaux'];
/** 10M rows take ~600 MB: over the gateway's default MAX_IMPORT_BYTES (512 MiB). */
const GATEWAY_ENV = { MAX_IMPORT_BYTES: String(4 * 2 ** 30) };

interface Run {
  rows: number;
  cities: number;
  transport: string;
  import_s: number;
  rows_per_s: number;
  report_p50_ms: number;
  report_p99_ms: number;
  report_20_clients_p50_ms: number;
  report_20_clients_p99_ms: number;
  worker_rss_mib: number;
  worker_bytes_per_row: number;
}

const list = (text: string): number[] => text.split(',').map(Number);

async function measure(rows: number, cityCount: number, transport: 'tcp' | 'nats'): Promise<Run> {
  const cities = ALL_CITIES.slice(0, cityCount);
  const file = benchFile(undefined, rows, ['--cities', cities.join(',')]);
  const cluster = await startBenchCluster(transport, { cities, env: GATEWAY_ENV });
  try {
    const empty = sum(cluster.workerRss());
    const started = performance.now();
    const { accepted } = await postCsvFile(cluster.baseUrl, file);
    const seconds = (performance.now() - started) / 1000;
    const held = sum(cluster.workerRss());
    const url = `${cluster.baseUrl}/reports/summary`;
    await sequentialLatency(url, 20);
    await concurrentLatency(url, 20, 5);
    const sequential = await sequentialLatency(url, 100);
    const concurrent = await concurrentLatency(url, 20, 10);
    return {
      rows,
      cities: cityCount,
      transport,
      import_s: round(seconds, 3),
      rows_per_s: Math.round(accepted / seconds),
      report_p50_ms: round(sequential.p50, 2),
      report_p99_ms: round(sequential.p99, 2),
      report_20_clients_p50_ms: round(concurrent.p50, 2),
      report_20_clients_p99_ms: round(concurrent.p99, 2),
      worker_rss_mib: round(held / 2 ** 20, 1),
      worker_bytes_per_row: Math.round((held - empty) / accepted),
    };
  } finally {
    await cluster.stop();
  }
}

function readRuns(file: string): Run[] {
  return csvRows(readFileSync(file, 'utf8')).map(
    (row) =>
      Object.fromEntries(
        Object.entries(row).map(([column, value]) => [
          column,
          column === 'transport' ? value : Number(value),
        ]),
      ) as unknown as Run,
  );
}

function sum(values: Map<string, number>): number {
  return [...values.values()].reduce((total, value) => total + value, 0);
}

function round(value: number, digits: number): number {
  return Number(value.toFixed(digits));
}

async function plot(directory: string, runs: readonly Run[]): Promise<void> {
  const values = runs.map((run) => ({
    ...run,
    setup: `${run.cities} ${run.cities === 1 ? 'city' : 'cities'}, ${run.transport.toUpperCase()}`,
  }));
  const rowsAxis = {
    field: 'rows',
    type: 'quantitative',
    scale: { type: 'log' },
    title: 'rows imported',
  } as const;
  const setup = { field: 'setup', type: 'nominal', title: 'workers, transport' } as const;
  const line = (title: string, field: string, axis: string, log = false): Promise<void> =>
    writeSvgPlot(`${directory}/scaling-${field.replaceAll('_', '-')}.svg`, {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      title,
      width: 420,
      height: 260,
      data: { values },
      mark: { type: 'line', point: true },
      encoding: {
        x: rowsAxis,
        y: { field, type: 'quantitative', title: axis, ...(log ? { scale: { type: 'log' } } : {}) },
        color: setup,
      },
    });
  await line('Import time against rows (log-log: slope 1 is linear)', 'import_s', 'seconds', true);
  await line('Import throughput', 'rows_per_s', 'rows per second');
  await line('GET /reports/summary, 20 clients, p50', 'report_20_clients_p50_ms', 'ms');
  await line('Workers: resident memory per row held', 'worker_bytes_per_row', 'bytes per row');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: {
      sizes: { type: 'string', default: '10000,100000,1000000,10000000' },
      cities: { type: 'string', default: '1,3,5' },
      transports: { type: 'string', default: 'tcp,nats' },
      out: { type: 'string', default: 'docs/plots' },
      // Keeps the runs of an earlier scaling.csv that this one does not repeat.
      keep: { type: 'boolean', default: false },
    },
  });
  const table = `${values.out}/scaling.csv`;
  mkdirSync(values.out, { recursive: true });
  const transports = values.transports.split(',').map((name) => (name === 'nats' ? 'nats' : 'tcp'));
  const runs = values.keep && existsSync(table) ? readRuns(table) : [];
  for (const rows of list(values.sizes)) {
    for (const cities of list(values.cities)) {
      for (const transport of transports) {
        const run = await measure(rows, cities, transport);
        console.log(JSON.stringify(run));
        const same = runs.findIndex(
          (other) =>
            other.rows === rows && other.cities === cities && other.transport === transport,
        );
        if (same >= 0) runs.splice(same, 1);
        runs.push(run);
        runs.sort(
          (a, b) => a.rows - b.rows || a.cities - b.cities || (a.transport < b.transport ? -1 : 1),
        );
        // Written after every run: a long study that stops keeps what it measured.
        writeCsv(table, runs as unknown as Record<string, number | string>[]);
      }
    }
  }
  closeHttpAgent();
  await plot(values.out, runs);
  console.log(`wrote ${values.out}/scaling.csv and its plots (scaling-*.svg)`);
}

await main();
