import { fileURLToPath } from 'node:url';
import { DEFAULT_COST_RATES, DEFAULT_MAX_RECORD_CHARS, type CostRates } from '#domain';
import { EnvReader, TRANSPORTS, type TransportKind } from '#platform';

export interface CityEndpoint {
  readonly city: string;
  /** TCP address of the city's worker; unused over NATS. */
  readonly host: string;
  readonly port: number;
}

/** How the gateway reaches its workers. */
export interface ClusterConfig {
  readonly transport: TransportKind;
  readonly cities: readonly CityEndpoint[];
  readonly natsUrl: string;
}

/** How long each kind of call to a worker may take. */
export interface CallTimeouts {
  readonly reportMs: number;
  readonly statusMs: number;
  readonly ingestMs: number;
}

export interface ImportConfig {
  readonly maxBytes: number;
  readonly batchRows: number;
  /** Bytes of CSV per batch at most (NATS refuses messages over its max_payload, 1 MiB by default). */
  readonly batchBytes: number;
  readonly maxInFlight: number;
  /** Characters a record may hold; a longer one is refused by its line (RECORD_TOO_LONG). */
  readonly maxRecordBytes: number;
}

export interface SecurityConfig {
  /** Required in `x-api-key` by the write endpoints when set. */
  readonly apiKey: string | undefined;
  /** Write requests allowed per client and minute. */
  readonly writesPerMinute: number;
}

export interface SeedConfig {
  /** A CSV imported at start when the cities are up and empty; empty: none. */
  readonly file: string;
  readonly cities: readonly string[];
}

export interface LiveConfig {
  /** How often the cities are asked for their state while a dashboard listens to /events. */
  readonly watchMs: number;
}

/** Each slice is injected on its own (config/tokens.ts): a class sees only what it uses. */
export interface GatewayConfig {
  readonly port: number;
  readonly cluster: ClusterConfig;
  readonly timeouts: CallTimeouts;
  readonly imports: ImportConfig;
  readonly costRates: CostRates;
  readonly security: SecurityConfig;
  readonly seed: SeedConfig;
  readonly live: LiveConfig;
  /** The dashboard's built files, served at `/`. */
  readonly webDir: string;
}

/** Where `npm run build` puts the dashboard, seen from this file built (dist/apps/gateway/src/config). */
const BUILT_WEB_DIR = fileURLToPath(new URL('../../../../web', import.meta.url));

const MIB = 1024 * 1024;

/** The gateway's configuration from its environment (README, "Configuration"). */
export function readGatewayConfig(
  env: Readonly<Record<string, string | undefined>>,
): GatewayConfig {
  const reader = new EnvReader(env);
  const transport = reader.oneOf('TRANSPORT', TRANSPORTS, 'tcp');
  // Over NATS the cities may also, or only, be discovered from the workers' heartbeats.
  const cities =
    transport === 'tcp'
      ? parseCityWorkers(reader, reader.string('CITY_WORKERS'))
      : parseCityNames(reader, reader.optionalString('CITIES', ''));
  const config: GatewayConfig = {
    port: reader.integer('PORT', 3000, 1, 65535),
    cluster: { transport, cities, natsUrl: reader.string('NATS_URL', 'nats://127.0.0.1:4222') },
    timeouts: {
      reportMs: reader.integer('REPORT_TIMEOUT_MS', 5000, 1, 600_000),
      statusMs: reader.integer('STATUS_TIMEOUT_MS', 1000, 1, 60_000),
      ingestMs: reader.integer('INGEST_TIMEOUT_MS', 30_000, 1, 600_000),
    },
    imports: {
      maxBytes: reader.integer('MAX_IMPORT_BYTES', 512 * MIB, 1, 64 * 1024 * MIB),
      batchRows: reader.integer('IMPORT_BATCH_ROWS', 5000, 1, 100_000),
      batchBytes: reader.integer('IMPORT_BATCH_BYTES', 512 * 1024, 1024, 64 * MIB),
      maxInFlight: reader.integer('IMPORT_MAX_IN_FLIGHT', 6, 1, 256),
      maxRecordBytes: reader.integer('MAX_RECORD_BYTES', DEFAULT_MAX_RECORD_CHARS, 256, 16 * MIB),
    },
    costRates: {
      sale: reader.number('SALE_COST_RATE', DEFAULT_COST_RATES.sale, 0, 10),
      rental: reader.number('RENTAL_COST_RATE', DEFAULT_COST_RATES.rental, 0, 10),
    },
    security: {
      apiKey: optionalSecret(reader.optionalString('API_KEY', '')),
      writesPerMinute: reader.integer('WRITES_PER_MINUTE', 120, 1, 1_000_000),
    },
    seed: {
      file: reader.optionalString('SEED_FILE', ''),
      cities: splitList(reader.optionalString('SEED_CITIES', 'Lyon,Paris,Marseille')),
    },
    live: { watchMs: reader.integer('LIVE_WATCH_MS', 1000, 100, 60_000) },
    webDir: reader.string('WEB_DIR', BUILT_WEB_DIR),
  };
  reader.done();
  return config;
}

function optionalSecret(value: string): string | undefined {
  return value === '' ? undefined : value;
}

/** `Lyon=127.0.0.1:4001,Paris=worker-paris:4001` */
function parseCityWorkers(reader: EnvReader, text: string): CityEndpoint[] {
  const endpoints: CityEndpoint[] = [];
  for (const entry of splitList(text)) {
    const match = /^([^=]+)=([^:]+):(\d{1,5})$/.exec(entry);
    const [, city, host, port] = match ?? [];
    if (city === undefined || host === undefined || port === undefined) {
      reader.problem(`CITY_WORKERS entry "${entry}" is not CITY=HOST:PORT`);
      continue;
    }
    endpoints.push({ city: city.trim(), host: host.trim(), port: Number(port) });
  }
  return unique(reader, 'CITY_WORKERS', endpoints);
}

function parseCityNames(reader: EnvReader, text: string): CityEndpoint[] {
  return unique(
    reader,
    'CITIES',
    splitList(text).map((city) => ({ city, host: '', port: 0 })),
  );
}

function unique(reader: EnvReader, name: string, endpoints: CityEndpoint[]): CityEndpoint[] {
  const seen = new Set<string>();
  for (const { city } of endpoints) {
    if (seen.has(city.toLowerCase())) reader.problem(`${name} names ${city} twice`);
    seen.add(city.toLowerCase());
  }
  return endpoints;
}

function splitList(text: string): string[] {
  return text
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
}
