import { parseArgs } from 'node:util';
import { postCsvFile } from '../apps/cli/src/shared/gateway-client.js';
import { percentile, startBenchCluster } from './support/bench-cluster.js';
import { BAD_INPUTS } from './support/bad-inputs.js';
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

/** Sends the bad-input corpus again and again until `deadline`; any 5xx is counted. */
async function attacker(baseUrl: string, deadline: number, failures: string[]): Promise<number> {
  let sent = 0;
  while (Date.now() < deadline) {
    for (const bad of BAD_INPUTS) {
      const response = await fetch(`${baseUrl}${bad.path}`, bad.init).catch(
        (error: unknown) => error,
      );
      sent += 1;
      if (!(response instanceof Response)) failures.push(`${bad.name}: ${String(response)}`);
      else {
        await response.arrayBuffer();
        if (response.status >= 500) failures.push(`${bad.name}: HTTP ${response.status}`);
      }
    }
  }
  return sent;
}

/**
 * 50 clients read /reports/summary for 30 s while a 1M-row import runs and the bad-input corpus is
 * sent in a loop; the gateway's event-loop delay says whether any request blocked the others.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: {
      rows: { type: 'string', default: '1000000' },
      clients: { type: 'string', default: '50' },
      seconds: { type: 'string', default: '30' },
      transport: { type: 'string', default: 'tcp' },
      'no-bad-inputs': { type: 'boolean', default: false },
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
    await fetch(`${cluster.baseUrl}/health/event-loop`);
    const failures: string[] = [];
    const [badSent] = await Promise.all([
      values['no-bad-inputs'] ? 0 : attacker(cluster.baseUrl, deadline, failures),
      ...Array.from({ length: Number(values.clients) }, () =>
        client(`${cluster.baseUrl}/reports/summary`, deadline, latencies, errors),
      ),
    ]);
    const loop = (await (await fetch(`${cluster.baseUrl}/health/event-loop`)).json()) as {
      p99Ms: number;
      maxMs: number;
    };
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
    console.log(
      `bad inputs sent alongside: ${badSent} (${BAD_INPUTS.length} kinds), answered 5xx or not at all: ${failures.length}${failures.length > 0 ? ` (first: ${failures[0]})` : ''}`,
    );
    console.log(
      `gateway event-loop delay: p99 ${loop.p99Ms} ms, max ${loop.maxMs} ms (aim: no request blocks the others over 100 ms)`,
    );
  } finally {
    await cluster.stop();
  }
}

await main();
