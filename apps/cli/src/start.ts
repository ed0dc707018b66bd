import {
  EnvChoice,
  EnvInteger,
  EnvRule,
  EnvText,
  LOG_FORMATS,
  TRANSPORTS,
  exitOnStartupError,
  validateEnv,
  type Environment,
  type LogFormat,
  type TransportKind,
} from '#platform';
import { fetchCitySizes, postCsvFile } from './shared/gateway-client.js';
import { seedIfEmpty } from '#domain/ingest';
import { ClusterProcesses } from './start/cluster-processes.js';
import { RestartPolicy } from './start/restart-policy.js';

interface LauncherConfig {
  readonly port: number;
  readonly transport: TransportKind;
  readonly natsUrl: string;
  readonly cities: readonly string[];
  readonly workerBasePort: number;
  readonly metricsBasePort: number;
  readonly replicas: number;
  readonly seedFile: string;
  /** Sent with the seeding import when the gateway requires one. */
  readonly apiKey: string | undefined;
  readonly logFormat: LogFormat;
}

/** Every variable `npm start` reads (README, "Configuration"); the processes it starts read theirs. */
class LauncherEnv {
  @EnvInteger(3000, 1, 65535)
  readonly PORT!: number;

  @EnvChoice(TRANSPORTS, 'tcp')
  readonly TRANSPORT!: TransportKind;

  @EnvText('nats://127.0.0.1:4222')
  readonly NATS_URL!: string;

  @EnvText('Lyon,Paris,Marseille')
  readonly CITIES!: string;

  @EnvInteger(4001, 1, 65000)
  readonly WORKER_BASE_PORT!: number;

  /** Worker i serves its GET /metrics on METRICS_BASE_PORT + i. */
  @EnvInteger(9101, 1, 65000)
  readonly METRICS_BASE_PORT!: number;

  /** Workers per city: 2 or more are replicas, over NATS with JetStream (README, "Replicas"). */
  @EnvInteger(1, 1, 5)
  @EnvRule(
    'replicasNeedNats',
    (value, env) => Number(value) === 1 || env.TRANSPORT === 'nats',
    () => 'REPLICAS_PER_CITY above 1 needs TRANSPORT=nats (and JetStream on the NATS server)',
  )
  readonly REPLICAS_PER_CITY!: number;

  /** The processes' lines: readable at a terminal unless JSON is asked for. */
  @EnvChoice(LOG_FORMATS, 'pretty')
  readonly LOG_FORMAT!: LogFormat;

  /** Empty: no seeding. */
  @EnvText('data/transactions_autoconnect.csv', true)
  readonly SEED_FILE!: string;

  @EnvText('', true)
  readonly API_KEY!: string;
}

function readLauncherConfig(env: Environment): LauncherConfig {
  const vars = validateEnv(LauncherEnv, env);
  return {
    port: vars.PORT,
    transport: vars.TRANSPORT,
    natsUrl: vars.NATS_URL,
    cities: vars.CITIES.split(',')
      .map((city) => city.trim())
      .filter((city) => city !== ''),
    workerBasePort: vars.WORKER_BASE_PORT,
    metricsBasePort: vars.METRICS_BASE_PORT,
    replicas: vars.REPLICAS_PER_CITY,
    logFormat: vars.LOG_FORMAT,
    seedFile: vars.SEED_FILE,
    apiKey: vars.API_KEY === '' ? undefined : vars.API_KEY,
  };
}

async function main(): Promise<void> {
  const config = readLauncherConfig(process.env);
  const log = (line: string): void => {
    process.stdout.write(`${line}\n`);
  };
  const policies = new Map<string, RestartPolicy>();
  const cluster = new ClusterProcesses(
    { ...config, env: { LOG_FORMAT: config.logFormat }, log },
    ({ name, how, restart }) => {
      const policy = policies.get(name) ?? new RestartPolicy();
      policies.set(name, policy);
      const decision = policy.crashed(Date.now());
      if (decision.restart) {
        log(`${name} exited unexpectedly (${how}): restarting it in ${decision.delayMs / 1000} s`);
        setTimeout(restart, decision.delayMs);
      } else if (name === 'gateway') {
        log(`gateway exited unexpectedly (${how}); ${decision.reason}: stopping everything`);
        void cluster.stop().then(() => process.exit(1));
      } else {
        log(
          `${name} exited unexpectedly (${how}); ${decision.reason}, so it stays down (its last lines above say why); the other cities are served`,
        );
      }
    },
  );
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      log(`${signal}: stopping the gateway and the workers`);
      void cluster.stop().then(() => process.exit(0));
    });
  }
  cluster.start();
  await cluster.waitHealthy();
  if (config.seedFile !== '') {
    const { baseUrl } = cluster;
    const { seedFile, apiKey } = config;
    log(
      await seedIfEmpty(seedFile, await fetchCitySizes(baseUrl), () =>
        postCsvFile(baseUrl, seedFile, apiKey),
      ),
    );
  }
  const url = `http://localhost:${config.port}`;
  log(
    [
      '',
      `AutoConnect Analytics is up: ${config.cities.join(', ')} over ${config.transport}${config.replicas > 1 ? `, ${config.replicas} replicas per city` : ''}`,
      `  Dashboard:    ${url}/`,
      `  Swagger UI:   ${url}/docs`,
      `  Full report:  ${url}/reports/summary`,
      `  Lyon monthly: ${url}/reports/monthly?city=Lyon`,
      `  Cities:       ${url}/cities`,
      `  Metrics:      ${url}/metrics, workers on ports ${config.metricsBasePort}–${config.metricsBasePort + config.cities.length * config.replicas - 1}`,
      'Ctrl-C stops every process.',
      '',
    ].join('\n'),
  );
}

try {
  await main();
} catch (error) {
  exitOnStartupError('start', error);
}
