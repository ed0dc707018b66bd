import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ClusterProcesses } from '../../apps/cli/src/start/cluster-processes.js';
import {
  freePort,
  freePortRange,
  natsServerBinary,
  startNatsServer,
  type NatsServer,
} from '../../apps/cli/src/start/local-services.js';

const CITIES = ['Lyon', 'Paris', 'Marseille'];

export interface BenchCluster {
  readonly baseUrl: string;
  readonly cities: readonly string[];
  /** The processes themselves: a bench that kills and restarts workers. */
  readonly processes: ClusterProcesses;
  /** Each worker's resident memory, in bytes, by city (read from /proc). */
  workerRss(): Map<string, number>;
  /**
   * CPU seconds (user + system, every thread) each process used so far: `gateway`, then the
   * cities and, over NATS, `nats-server`.
   */
  cpuSeconds(): Map<string, number>;
  stop(): Promise<void>;
}

export interface BenchClusterOptions {
  readonly cities?: readonly string[];
  /** Added to every process's environment (IMPORT_MAX_IN_FLIGHT=1, say). */
  readonly env?: Readonly<Record<string, string>>;
  /** Another build's `dist/apps` to run instead of this one's: a before/after comparison. */
  readonly appsDir?: string;
  /** NATS only: JetStream on, each worker a replica of its city's stream, `replicas` per city. */
  readonly replicas?: number;
  /** Each line the processes print, prefixed with their name. */
  readonly log?: (line: string) => void;
}

/**
 * The gateway and one worker per city (three by default) as processes on free ports, with shards
 * in a temporary directory (and, over NATS, a private nats-server); `stop` removes everything.
 */
export async function startBenchCluster(
  transport: 'tcp' | 'nats',
  { cities = CITIES, env = {}, appsDir, replicas, log }: BenchClusterOptions = {},
): Promise<BenchCluster> {
  let nats: NatsServer | undefined;
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-shards-'));
  if (transport === 'nats') {
    const binary = natsServerBinary();
    if (binary === undefined)
      throw new Error('nats-server is not installed (apt-get install nats-server)');
    const jetStream = replicas === undefined ? undefined : join(dataDir, 'jetstream');
    nats = await startNatsServer(binary, undefined, undefined, jetStream);
  }
  const cluster = new ClusterProcesses({
    transport,
    cities,
    env,
    port: await freePort(),
    workerBasePort: await freePortRange(cities.length),
    natsUrl: nats?.url ?? '',
    dataDir,
    appsDir,
    replicas,
    log,
  });
  const stop = async (): Promise<void> => {
    await cluster.stop();
    await nats?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    cluster.start();
    await cluster.waitHealthy();
  } catch (error) {
    await stop();
    throw error;
  }
  const workerRss = (): Map<string, number> =>
    new Map([...cluster.workerPids].map(([city, pid]) => [city, residentBytes(pid)]));
  const cpuSeconds = (): Map<string, number> => {
    const pids = new Map(cluster.workerPids);
    if (cluster.gatewayPid !== undefined) pids.set('gateway', cluster.gatewayPid);
    if (nats?.pid !== undefined) pids.set('nats-server', nats.pid);
    return new Map(
      [...pids]
        .sort(([a], [b]) => (a === 'gateway' ? -1 : b === 'gateway' ? 1 : a < b ? -1 : 1))
        .map(([name, pid]) => [name, processCpuSeconds(pid)]),
    );
  };
  return { baseUrl: cluster.baseUrl, cities, processes: cluster, workerRss, cpuSeconds, stop };
}

/** Clock ticks per second of /proc's times: 100 on every Linux this runs on (USER_HZ). */
const USER_HZ = 100;

/** A process's CPU time, user plus system, all its threads, in seconds (/proc/PID/stat). */
export function processCpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name, in parentheses, may hold spaces: the fields are counted after it.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / USER_HZ;
}

/** A process's resident memory (VmRSS), in bytes. */
export function residentBytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = /^VmRSS:\s+(\d+) kB$/m.exec(status)?.[1];
  if (kib === undefined) throw new Error(`no VmRSS for process ${pid}`);
  return Number(kib) * 1024;
}

/** The value below which `share` of the values fall (nearest rank). */
export function percentile(values: readonly number[], share: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)] ?? Number.NaN;
}
