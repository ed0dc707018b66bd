import {
  EnvReader,
  TRANSPORTS,
  exitOnStartupError,
  fetchCitySizes,
  postCsvFile,
  seedIfEmpty,
  type TransportKind,
} from '#platform';
import { ClusterProcesses } from './start/cluster-processes.js';

interface LauncherConfig {
  readonly port: number;
  readonly transport: TransportKind;
  readonly natsUrl: string;
  readonly cities: readonly string[];
  readonly workerBasePort: number;
  readonly seedFile: string;
  /** Sent with the seeding import when the gateway requires one. */
  readonly apiKey: string | undefined;
}

function readLauncherConfig(env: Readonly<Record<string, string | undefined>>): LauncherConfig {
  const reader = new EnvReader(env);
  const config = {
    port: reader.integer('PORT', 3000, 1, 65535),
    transport: reader.oneOf('TRANSPORT', TRANSPORTS, 'tcp'),
    natsUrl: reader.string('NATS_URL', 'nats://127.0.0.1:4222'),
    cities: reader
      .string('CITIES', 'Lyon,Paris,Marseille')
      .split(',')
      .map((city) => city.trim())
      .filter((city) => city !== ''),
    workerBasePort: reader.integer('WORKER_BASE_PORT', 4001, 1, 65000),
    seedFile: reader.optionalString('SEED_FILE', 'data/transactions_autoconnect.csv'),
    apiKey: reader.optionalString('API_KEY', '') || undefined,
  };
  reader.done();
  return config;
}

async function main(): Promise<void> {
  const config = readLauncherConfig(process.env);
  const log = (line: string): void => {
    process.stdout.write(`${line}\n`);
  };
  const cluster = new ClusterProcesses({ ...config, log }, (name, code) => {
    log(`${name} exited unexpectedly (code ${String(code)}): stopping everything`);
    void cluster.stop().then(() => process.exit(1));
  });
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
      `AutoConnect Analytics is up: ${config.cities.join(', ')} over ${config.transport}`,
      `  Dashboard:    ${url}/`,
      `  Swagger UI:   ${url}/docs`,
      `  Full report:  ${url}/reports/summary`,
      `  Lyon monthly: ${url}/reports/monthly?city=Lyon`,
      `  Cities:       ${url}/cities`,
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
