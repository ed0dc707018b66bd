import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { postCsvFile } from '../apps/cli/src/shared/gateway-client.js';
import { percentile, startBenchCluster } from './support/bench-cluster.js';
import { benchFile, median } from './support/bench-file.js';
import { closeHttpAgent, timedGet } from './support/http-timing.js';

/**
 * Replicas over NATS with JetStream (README, "Replicas"): the import of one file by sole workers
 * (no stream), by one replica per city and by two, interleaved on fresh clusters; then, on the
 * two-replica cluster, reads while a replica of Lyon is killed 20 times (each restarted), and
 * the catch-up of a fresh third replica of Lyon.
 */
const KILLS = 20;
const READERS = 4;
/** After a kill, reads are watched this long for the failover. */
const WATCH_MS = 3000;

interface Read {
  readonly started: number;
  readonly ms: number;
  readonly ok: boolean;
}

const pause = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms));

async function importSeconds(file: string, replicas: number | undefined): Promise<number> {
  const cluster = await startBenchCluster('nats', { replicas });
  try {
    const started = performance.now();
    await postCsvFile(cluster.baseUrl, file);
    return (performance.now() - started) / 1000;
  } finally {
    await cluster.stop();
  }
}

/** Reads Lyon's monthly report with READERS clients until `stop`; every read, timed. */
async function readAll(url: string, stop: AbortSignal): Promise<Read[]> {
  const reads: Read[] = [];
  await Promise.all(
    Array.from({ length: READERS }, async () => {
      while (!stop.aborted) {
        const started = performance.now();
        const ok = await timedGet(url).then(
          () => true,
          () => false,
        );
        reads.push({ started, ms: performance.now() - started, ok });
      }
    }),
  );
  return reads;
}

async function failoverAndCatchUp(file: string): Promise<void> {
  const lines: string[] = [];
  const cluster = await startBenchCluster('nats', {
    replicas: 2,
    log: (line) => lines.push(line),
  });
  try {
    await postCsvFile(cluster.baseUrl, file);
    const url = `${cluster.baseUrl}/reports/monthly?city=Lyon`;
    const stop = new AbortController();
    const reading = readAll(url, stop.signal);
    const kills: number[] = [];
    for (let kill = 0; kill < KILLS; kill += 1) {
      await pause(500);
      const replica = kill % 2;
      kills.push(performance.now());
      await cluster.processes.killWorker('Lyon', replica);
      await pause(WATCH_MS);
      cluster.processes.startWorker('Lyon', {}, undefined, replica);
      await pause(4000);
    }
    stop.abort();
    const reads = await reading;
    // A kill's failover: the longest read in flight at the kill or started within the watch.
    const failovers = kills.map((at) =>
      Math.max(
        0,
        ...reads
          .filter(({ started, ms }) => started + ms >= at && started <= at + WATCH_MS)
          .map(({ ms }) => ms),
      ),
    );
    const quiet = reads.filter(({ started }) => kills.every((at) => Math.abs(started - at) > 5000));
    process.stdout.write(
      [
        `reads of Lyon's monthly report, ${READERS} clients, ${KILLS} kill -9 of one of its 2 replicas (each restarted):`,
        `  ${reads.length} reads, ${reads.filter(({ ok }) => !ok).length} failed`,
        `  slowest read around a kill: median ${median(failovers).toFixed(0)} ms, max ${Math.max(...failovers).toFixed(0)} ms`,
        `  reads far from any kill: p50 ${percentile(
          quiet.map(({ ms }) => ms),
          0.5,
        ).toFixed(1)} ms, p99 ${percentile(
          quiet.map(({ ms }) => ms),
          0.99,
        ).toFixed(1)} ms`,
        '',
      ].join('\n'),
    );
    const before = lines.length;
    cluster.processes.startWorker('Lyon', {}, undefined, 2);
    for (let waited = 0; waited < 120_000; waited += 200) {
      if (lines.slice(before).some((line) => line.includes('caught up with'))) break;
      await pause(200);
    }
    const caughtUp = lines.slice(before).find((line) => line.includes('caught up with'));
    const match = /in ([\d.]+) s: (\d+) transactions/.exec(caughtUp ?? '');
    if (match === null) throw new Error('the third replica did not catch up within 120 s');
    const [, seconds, rows] = match;
    process.stdout.write(
      `a fresh third replica of Lyon caught up: ${rows} transactions in ${seconds} s, ${(Number(rows) / Number(seconds) / 1e6).toFixed(2)} M rows/s\n`,
    );
  } finally {
    await cluster.stop();
  }
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { runs: { type: 'string', default: '2' } },
  });
  const file = benchFile(positionals[0] === undefined ? undefined : resolve(positionals[0]));
  const runs = Number(values.runs);
  const modes = { 'sole workers (no stream)': undefined, '1 replica': 1, '2 replicas': 2 };
  const times = new Map<string, number[]>(Object.keys(modes).map((name) => [name, []]));
  for (let run = 0; run < runs; run += 1) {
    for (const [name, replicas] of Object.entries(modes)) {
      times.get(name)?.push(await importSeconds(file, replicas));
    }
  }
  const base = median(times.get('sole workers (no stream)') ?? []);
  process.stdout.write(`import of ${file} over NATS, median of ${runs} interleaved runs:\n`);
  for (const [name, seconds] of times) {
    const value = median(seconds);
    process.stdout.write(
      `  ${name.padEnd(26)} ${value.toFixed(2)} s  (${(value / base).toFixed(2)}x the sole workers; runs ${seconds.map((s) => s.toFixed(2)).join(', ')})\n`,
    );
  }
  await failoverAndCatchUp(file);
  closeHttpAgent();
}

await main();
