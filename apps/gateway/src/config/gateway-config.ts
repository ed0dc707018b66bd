import { DEFAULT_COST_RATES, type CostRates } from '#domain';
import { EnvReader, TRANSPORTS, type TransportKind } from '#platform';

export interface CityEndpoint {
  readonly city: string;
  /** TCP address of the city's worker; unused over NATS. */
  readonly host: string;
  readonly port: number;
}

export interface GatewayConfig {
  readonly port: number;
  readonly transport: TransportKind;
  readonly cities: readonly CityEndpoint[];
  readonly natsUrl: string;
  readonly reportTimeoutMs: number;
  readonly statusTimeoutMs: number;
  readonly ingestTimeoutMs: number;
  readonly maxImportBytes: number;
  readonly importBatchRows: number;
  readonly importBatchBytes: number;
  readonly importMaxInFlight: number;
  readonly costRates: CostRates;
  /** Required in `x-api-key` by the write endpoints when set. */
  readonly apiKey: string | undefined;
  /** Write requests allowed per client and minute. */
  readonly writesPerMinute: number;
  /** A CSV imported at start when the SEED_CITIES are up and empty; empty: none. */
  readonly seedFile: string;
  readonly seedCities: readonly string[];
}

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
    transport,
    cities,
    natsUrl: reader.string('NATS_URL', 'nats://127.0.0.1:4222'),
    reportTimeoutMs: reader.integer('REPORT_TIMEOUT_MS', 5000, 1, 600_000),
    statusTimeoutMs: reader.integer('STATUS_TIMEOUT_MS', 1000, 1, 60_000),
    ingestTimeoutMs: reader.integer('INGEST_TIMEOUT_MS', 30_000, 1, 600_000),
    maxImportBytes: reader.integer('MAX_IMPORT_BYTES', 512 * MIB, 1, 64 * 1024 * MIB),
    importBatchRows: reader.integer('IMPORT_BATCH_ROWS', 5000, 1, 100_000),
    importBatchBytes: reader.integer('IMPORT_BATCH_BYTES', 512 * 1024, 1024, 64 * MIB),
    importMaxInFlight: reader.integer('IMPORT_MAX_IN_FLIGHT', 6, 1, 256),
    costRates: {
      sale: reader.number('SALE_COST_RATE', DEFAULT_COST_RATES.sale, 0, 10),
      rental: reader.number('RENTAL_COST_RATE', DEFAULT_COST_RATES.rental, 0, 10),
    },
    apiKey: optionalSecret(reader.optionalString('API_KEY', '')),
    writesPerMinute: reader.integer('WRITES_PER_MINUTE', 120, 1, 1_000_000),
    seedFile: reader.optionalString('SEED_FILE', ''),
    seedCities: splitList(reader.optionalString('SEED_CITIES', 'Lyon,Paris,Marseille')),
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
    if (match === null) {
      reader.problem(`CITY_WORKERS entry "${entry}" is not CITY=HOST:PORT`);
      continue;
    }
    endpoints.push({ city: match[1].trim(), host: match[2].trim(), port: Number(match[3]) });
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
