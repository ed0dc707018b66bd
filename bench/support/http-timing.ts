import { Agent, get } from 'node:http';
import { percentile } from './bench-cluster.js';

/**
 * Keep-alive HTTP GETs from node:http. `fetch` is the heavier client: against a bare Node server
 * answering `{"ok":1}`, 20 fetch clients measured p50 16 ms where these measure 5.5 ms, and the
 * client shares the machine's two cores with what it measures.
 */
const agent = new Agent({ keepAlive: true, maxSockets: 64 });

export function timedGet(url: string): Promise<number> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    get(url, { agent }, (response) => {
      response.resume();
      response.on('end', () => {
        if (response.statusCode === 200) resolve(performance.now() - started);
        else reject(new Error(`${url}: ${response.statusCode ?? 'no status'}`));
      });
    }).on('error', reject);
  });
}

export interface Latency {
  readonly p50: number;
  readonly p99: number;
}

/** `clients` clients asking `url` `requests` times each, one request at a time per client. */
export async function concurrentLatency(
  url: string,
  clients: number,
  requests: number,
): Promise<Latency> {
  const times: number[] = [];
  await Promise.all(
    Array.from({ length: clients }, async () => {
      for (let request = 0; request < requests; request += 1) times.push(await timedGet(url));
    }),
  );
  return { p50: percentile(times, 0.5), p99: percentile(times, 0.99) };
}

/** Requests one after the other. */
export async function sequentialLatency(url: string, requests: number): Promise<Latency> {
  const times: number[] = [];
  for (let request = 0; request < requests; request += 1) times.push(await timedGet(url));
  return { p50: percentile(times, 0.5), p99: percentile(times, 0.99) };
}

export function closeHttpAgent(): void {
  agent.destroy();
}
