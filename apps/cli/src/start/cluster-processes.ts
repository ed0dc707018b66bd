import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pollUntil } from '#platform';

export interface ClusterOptions {
  readonly transport: 'tcp' | 'nats';
  readonly cities: readonly string[];
  readonly port: number;
  /** Worker i listens on workerBasePort + i (TCP only). */
  readonly workerBasePort: number;
  /**
   * Worker i serves GET /metrics on metricsBasePort + i (its replica r on that + r × the number
   * of cities); absent: no metrics listener.
   */
  readonly metricsBasePort?: number;
  /** Workers started per city (NATS with JetStream: the city's replicas); 1 by default. */
  readonly replicas?: number;
  readonly natsUrl: string;
  /** Passed to every process on top of the launcher's own environment. */
  readonly env?: Readonly<Record<string, string>>;
  /** Passed to the gateway, or to every worker, on top of `env` (each its NATS identity). */
  readonly gatewayEnv?: Readonly<Record<string, string>>;
  readonly workerEnv?: Readonly<Record<string, string>>;
  /** Where the processes' output goes, line by line, prefixed with their name. */
  readonly log?: (line: string) => void;
  /** The compiled apps; by default the `dist/apps` this file was compiled into. */
  readonly appsDir?: string;
  /** The workers' shards (DATA_DIR); by default each worker's own default. */
  readonly dataDir?: string;
}

/** A process that exited while the cluster was not stopping. */
export interface UnexpectedExit {
  /** `gateway`, `worker <city>` or `worker <city> #<n>`, as its lines are prefixed. */
  readonly name: string;
  /** `code 1`, or `signal SIGKILL`. */
  readonly how: string;
  /** Starts it again, as it was started; does nothing once the cluster is stopping. */
  readonly restart: () => void;
}

/** Lines of output kept to explain a cluster that does not come up. */
const KEPT_LINES = 40;

/**
 * The gateway and one worker per city as separate OS processes, built from `dist/`: what
 * `npm start` runs, and what the end-to-end tests start and break.
 */
export class ClusterProcesses {
  private readonly workers = new Map<string, ChildProcess>();
  private gateway: ChildProcess | undefined;
  private stopping = false;
  private readonly lastLines: string[] = [];

  constructor(
    private readonly options: ClusterOptions,
    /** Called when a process exits while the cluster is not stopping. */
    private readonly onUnexpectedExit: (exit: UnexpectedExit) => void = () => undefined,
  ) {}

  /** Each running worker's process id, by {@link workerName}: for a bench reading their memory. */
  get workerPids(): ReadonlyMap<string, number> {
    return new Map(
      [...this.workers].flatMap(([city, child]) =>
        child.pid === undefined ? [] : [[city, child.pid] as const],
      ),
    );
  }

  /** The gateway's process id while it runs: for a bench reading its CPU time. */
  get gatewayPid(): number | undefined {
    return this.gateway?.pid;
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${this.options.port}`;
  }

  /**
   * Starts (or restarts) the worker of `city` (its replica `replica`, from 0); `env` adds to its
   * environment. `entry` runs another build of the worker (a test's, with its arguments) instead
   * of its `main`.
   */
  startWorker(
    city: string,
    env: Readonly<Record<string, string>> = {},
    entry: readonly string[] = ['city-worker/src/main.js'],
    replica = 0,
  ): void {
    const index = this.options.cities.indexOf(city);
    const metricsIndex = index + replica * this.options.cities.length;
    const workerEnv = {
      ...this.options.workerEnv,
      ...env,
      CITY: city,
      TRANSPORT: this.options.transport,
      WORKER_HOST: '127.0.0.1',
      WORKER_PORT: String(this.options.workerBasePort + index),
      ...(this.options.metricsBasePort === undefined
        ? {}
        : { METRICS_PORT: String(this.options.metricsBasePort + metricsIndex) }),
      NATS_URL: this.options.natsUrl,
      ...(this.options.dataDir === undefined ? {} : { DATA_DIR: this.options.dataDir }),
    };
    const name = workerName(city, replica);
    this.workers.set(
      name,
      this.spawn(
        `worker ${name}`,
        entry,
        workerEnv,
        (child) => this.workers.get(name) === child,
        () => {
          this.startWorker(city, env, entry, replica);
        },
      ),
    );
  }

  startGateway(): void {
    const cityWorkers = this.options.cities
      .map((city, index) => `${city}=127.0.0.1:${this.options.workerBasePort + index}`)
      .join(',');
    const env = {
      // The tokens and the audit trail beside the shards, when they are not in their default place.
      ...(this.options.dataDir === undefined
        ? {}
        : { GATEWAY_DATA_DIR: join(this.options.dataDir, 'gateway') }),
      ...this.options.gatewayEnv,
      PORT: String(this.options.port),
      TRANSPORT: this.options.transport,
      CITY_WORKERS: cityWorkers,
      CITIES: this.options.cities.join(','),
      NATS_URL: this.options.natsUrl,
    };
    this.gateway = this.spawn(
      'gateway',
      ['gateway/src/main.js'],
      env,
      (child) => this.gateway === child,
      () => {
        this.startGateway();
      },
    );
  }

  start(): void {
    for (let replica = 0; replica < (this.options.replicas ?? 1); replica += 1) {
      for (const city of this.options.cities) this.startWorker(city, {}, undefined, replica);
    }
    this.startGateway();
  }

  /** Waits until GET /health answers 200 (every worker up). */
  async waitHealthy(timeoutMs = 30_000): Promise<void> {
    let last = 'no answer';
    const healthy = await pollUntil(
      async () => {
        try {
          const response = await fetch(`${this.baseUrl}/health`);
          if (response.ok) return true;
          last = `${response.status} ${await response.text()}`;
        } catch (error) {
          last = String(error);
        }
        return false;
      },
      timeoutMs,
      200,
    );
    if (healthy) return;
    throw new Error(
      `the cluster is not healthy after ${timeoutMs} ms: ${last}\n${this.lastLines.join('\n')}`,
    );
  }

  /** Kills a worker (replica `replica` of `city`) at once (SIGKILL), as a crash would. */
  async killWorker(city: string, replica = 0): Promise<void> {
    const name = workerName(city, replica);
    const worker = this.workers.get(name);
    this.workers.delete(name);
    if (worker === undefined || worker.exitCode !== null) return;
    const exited = once(worker, 'exit');
    worker.kill('SIGKILL');
    await exited;
  }

  /** Sends `signal` to a worker (SIGSTOP hangs it, SIGCONT wakes it). */
  signalWorker(city: string, signal: NodeJS.Signals, replica = 0): void {
    this.workers.get(workerName(city, replica))?.kill(signal);
  }

  /** Kills the gateway at once (SIGKILL). */
  async killGateway(): Promise<void> {
    const gateway = this.gateway;
    this.gateway = undefined;
    if (gateway === undefined || gateway.exitCode !== null) return;
    const exited = once(gateway, 'exit');
    gateway.kill('SIGKILL');
    await exited;
  }

  /** Stops every process (SIGTERM, then SIGKILL after 5 s). */
  async stop(): Promise<void> {
    this.stopping = true;
    const children = [...this.workers.values(), ...(this.gateway ? [this.gateway] : [])];
    await Promise.all(children.map((child) => terminate(child)));
    this.workers.clear();
    this.gateway = undefined;
  }

  private spawn(
    name: string,
    [script, ...args]: readonly string[],
    env: Record<string, string>,
    isCurrent: (child: ChildProcess) => boolean,
    again: () => void,
  ): ChildProcess {
    const appsDir = this.options.appsDir ?? fileURLToPath(new URL('../../../', import.meta.url));
    const child = spawn(process.execPath, [`${appsDir}/${script ?? ''}`, ...args], {
      env: { ...process.env, ...this.options.env, ...env, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    for (const stream of [child.stdout, child.stderr]) {
      stream.setEncoding('utf8').on('data', (text: string) => {
        for (const line of text.split('\n')) {
          if (line.trim() === '') continue;
          this.lastLines.push(`[${name}] ${line}`);
          if (this.lastLines.length > KEPT_LINES) this.lastLines.shift();
          this.options.log?.(`[${name}] ${line}`);
        }
      });
    }
    child.on('exit', (code, signal) => {
      if (this.stopping || !isCurrent(child)) return;
      this.onUnexpectedExit({
        name,
        how: signal === null ? `code ${String(code)}` : `signal ${signal}`,
        restart: () => {
          if (!this.stopping) again();
        },
      });
    });
    return child;
  }
}

/** `Lyon` for a city's first worker, `Lyon #2` for its second replica. */
export function workerName(city: string, replica = 0): string {
  return replica === 0 ? city : `${city} #${replica + 1}`;
}

async function terminate(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}
