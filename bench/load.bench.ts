import { parseArgs } from 'node:util';
import { postCsvFile } from '#platform';
import { percentile, startBenchCluster } from './support/bench-cluster.js';
import { benchFile } from './support/bench-file.js';

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
  const cluster = await startBenchCluster(transport);
  try {
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
  }
}

await main();
