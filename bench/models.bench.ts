import { fork, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { parseArgs } from 'node:util';
import { OpenCityDirectory } from '#domain/model';
import { parseReportQuery } from '#domain/query';
import { buildReport } from '#domain/report';
import { mergeSummaries, type Summary } from '#domain/summary';
import { loadCsvFile } from '#input';
import { postCsvFile } from '../apps/cli/src/shared/gateway-client.js';
import { startBenchCluster } from './support/bench-cluster.js';
import { benchFile, median } from './support/bench-file.js';
import { closeHttpAgent } from './support/http-timing.js';
import { summarizeShipped, type ShippedColumns } from './models/ingest-part.js';
import { writeCsv, writeSvgPlot } from './support/plots.js';

const CITIES = ['Lyon', 'Paris', 'Marseille'];
const QUERY = parseReportQuery({});

type Answer = 'summary' | 'columns' | 'objects';

/** One child process per city, kept across rounds so that no model pays their start-up. */
class PartProcesses {
  private readonly children = CITIES.map(() =>
    fork(fileURLToPath(new URL('./models/part-process.js', import.meta.url)), {
      serialization: 'advanced',
    }),
  );

  /** Routes the file's rows to the children by city, and collects what each answers. */
  async run(text: string, answer: Answer): Promise<unknown[]> {
    const parts = routeByCity(text);
    return Promise.all(this.children.map((child, index) => ask(child, parts[index]!, answer)));
  }

  close(): void {
    for (const child of this.children) child.kill();
  }
}

function ask(child: ChildProcess, csv: string, answer: Answer): Promise<unknown> {
  return new Promise((resolve) => {
    child.once('message', resolve);
    child.send({ csv, answer });
  });
}

/** The file's lines by city (the third field), each part with the header: the gateway's routing. */
function routeByCity(text: string): string[] {
  const lines = text.split('\n');
  const header = lines[0]!;
  const parts = CITIES.map(() => [header]);
  for (let index = 1; index < lines.length; index += 1) {
    const line = lines[index]!;
    if (line === '') continue;
    const second = line.indexOf(',', line.indexOf(',') + 1);
    const city = line.slice(second + 1, line.indexOf(',', second + 1));
    parts[CITIES.indexOf(city)]?.push(line);
  }
  return parts.map((part) => part.join('\n'));
}

function fromObjects(json: string): ShippedColumns[] {
  const parts = JSON.parse(json) as {
    city: string;
    models: string[];
    rows: {
      month: number;
      type: number;
      model: number;
      priceCents: number;
      durationMonths: number;
      costCents: number | null;
    }[];
  }[];
  return parts.map(({ city, models, rows }) => ({
    city,
    models,
    length: rows.length,
    month: Int32Array.from(rows, (row) => row.month),
    type: Uint8Array.from(rows, (row) => row.type),
    model: Uint32Array.from(rows, (row) => row.model),
    priceCents: Float64Array.from(rows, (row) => row.priceCents),
    durationMonths: Uint8Array.from(rows, (row) => row.durationMonths),
    // JSON writes NaN (no cost) as null.
    costCents: Float64Array.from(rows, (row) => row.costCents ?? Number.NaN),
  }));
}

/** worker_threads over a SharedArrayBuffer holding the file, cut at line breaks. */
async function sharedMemory(file: string, threads: number): Promise<Summary> {
  const bytes = readFileSync(file);
  const shared = new SharedArrayBuffer(bytes.length);
  new Uint8Array(shared).set(bytes);
  const view = Buffer.from(shared);
  const headerEnd = view.indexOf(10);
  const header = view.toString('utf8', 0, headerEnd);
  const bounds = [0];
  for (let thread = 1; thread < threads; thread += 1) {
    bounds.push(view.indexOf(10, Math.floor((bytes.length * thread) / threads)) + 1);
  }
  bounds.push(bytes.length);
  const parts = await Promise.all(
    bounds.slice(0, -1).map(
      (start, thread) =>
        new Promise<ShippedColumns[]>((resolve, reject) => {
          const worker = new Worker(new URL('./models/part-thread.js', import.meta.url), {
            workerData: { file: shared, header, start, end: bounds[thread + 1] },
          });
          worker.once('message', resolve);
          worker.once('error', reject);
        }),
    ),
  );
  return mergeSummaries(...parts.map(summarizeShipped));
}

/** The cluster starts untimed; the model's time is the import plus the first report. */
async function cluster(file: string, env: Record<string, string>): Promise<Timed> {
  const running = await startBenchCluster('tcp', { cities: CITIES, env });
  try {
    const started = performance.now();
    await postCsvFile(running.baseUrl, file);
    const response = await fetch(`${running.baseUrl}/reports/summary`);
    const { data } = (await response.json()) as { data: unknown };
    return { ms: performance.now() - started, data };
  } finally {
    await running.stop();
  }
}

interface Timed {
  readonly ms: number;
  /** The report's sections, compared across models: every model must give the same. */
  readonly data: unknown;
}

interface Model {
  readonly name: string;
  readonly how: string;
  readonly run: () => Promise<Timed>;
}

async function timed(work: () => Promise<Summary>): Promise<Timed> {
  const started = performance.now();
  const { data } = buildReport(await work(), QUERY);
  return { ms: performance.now() - started, data };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: {
      file: { type: 'string' },
      rounds: { type: 'string', default: '3' },
      out: { type: 'string', default: 'docs/plots' },
    },
  });
  const file = benchFile(values.file);
  const processes = new PartProcesses();
  const readAndReport =
    (answer: Answer, reduce: (answers: unknown[]) => Summary): (() => Promise<Timed>) =>
    () =>
      timed(async () => reduce(await processes.run(readFileSync(file, 'utf8'), answer)));
  const models: Model[] = [
    {
      name: 'sequential',
      how: 'one process: read, parse, validate, summarize, build',
      run: () =>
        timed(async () => (await loadCsvFile(file, new OpenCityDirectory())).stores.summarize()),
    },
    {
      name: 'fork-join, summaries',
      how: '3 processes parse their city, answer a summary; merged',
      run: readAndReport('summary', (answers) => mergeSummaries(...(answers as Summary[]))),
    },
    {
      name: 'map-reduce, rows as columns',
      how: '3 processes parse their city, ship typed-array rows; summarized at the parent',
      run: readAndReport('columns', (answers) =>
        mergeSummaries(...(answers as ShippedColumns[][]).map(summarizeShipped)),
      ),
    },
    {
      name: 'map-reduce, rows as JSON',
      how: 'the same, rows shipped as JSON objects',
      run: readAndReport('objects', (answers) =>
        mergeSummaries(...(answers as string[]).map((json) => summarizeShipped(fromObjects(json)))),
      ),
    },
    {
      name: 'shared memory, 2 threads',
      how: 'worker_threads parse halves of a SharedArrayBuffer into shared columns',
      run: () => timed(() => sharedMemory(file, 2)),
    },
    {
      name: 'the system, pipelined',
      how: `gateway + 3 workers over TCP, durable: POST /imports then GET /reports/summary`,
      run: () => cluster(file, {}),
    },
    {
      name: 'the system, no overlap',
      how: 'the same with IMPORT_MAX_IN_FLIGHT=1',
      run: () => cluster(file, { IMPORT_MAX_IN_FLIGHT: '1' }),
    },
  ];
  const times = new Map(models.map((model) => [model.name, [] as number[]]));
  // Interleaved rounds: the machine's noise hits every model alike.
  let reference: string | undefined;
  for (let round = 0; round < Number(values.rounds); round += 1) {
    for (const model of models) {
      const { ms, data } = await model.run();
      const report = JSON.stringify(data);
      reference ??= report;
      if (report !== reference) throw new Error(`${model.name} gives another report`);
      times.get(model.name)?.push(ms);
    }
  }
  processes.close();
  closeHttpAgent();
  const sequential = median(times.get('sequential') ?? []);
  const rows = models.map((model) => {
    const ms = median(times.get(model.name) ?? []);
    return {
      model: model.name,
      how: model.how,
      median_ms: Math.round(ms),
      vs_sequential: Number((ms / sequential).toFixed(2)),
    };
  });
  console.log(`file: ${file}; medians of ${values.rounds} interleaved rounds`);
  for (const row of rows) {
    console.log(
      `${row.model.padEnd(30)} ${String(row.median_ms).padStart(6)} ms  x${row.vs_sequential.toFixed(2)}  (${row.how})`,
    );
  }
  mkdirSync(values.out, { recursive: true });
  writeCsv(
    `${values.out}/models.csv`,
    rows.map(({ model, median_ms, vs_sequential }) => ({ model, median_ms, vs_sequential })),
  );
  await writeSvgPlot(`${values.out}/models.svg`, {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: 'One workload, the parallelism models: 1M rows from file to full report',
    width: 420,
    height: 220,
    data: { values: rows },
    mark: 'bar',
    encoding: {
      y: { field: 'model', type: 'nominal', sort: null, title: null, axis: { labelLimit: 320 } },
      x: { field: 'median_ms', type: 'quantitative', title: 'median time, ms (lower is better)' },
    },
  });
  console.log(`wrote ${values.out}/models.csv and models.svg`);
}

await main();
