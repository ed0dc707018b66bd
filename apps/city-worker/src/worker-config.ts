import { DEFAULT_MAX_FUTURE_DAYS } from '#domain';
import { cityKey } from '#contracts';
import { EnvReader, TRANSPORTS, type TransportKind } from '#platform';

export interface WorkerConfig {
  readonly city: string;
  readonly transport: TransportKind;
  readonly host: string;
  readonly port: number;
  readonly natsUrl: string;
  /** Where the city's shard lives. */
  readonly dataDir: string;
  /** How often the worker announces itself over NATS. */
  readonly heartbeatMs: number;
  /** How far after today a transaction's date may be (DATE_OUT_OF_RANGE beyond). */
  readonly maxFutureDays: number;
}

/** The worker's configuration from its environment (README, "Configuration"). */
export function readWorkerConfig(env: Readonly<Record<string, string | undefined>>): WorkerConfig {
  const reader = new EnvReader(env);
  const config: WorkerConfig = {
    city: reader.string('CITY'),
    transport: reader.oneOf('TRANSPORT', TRANSPORTS, 'tcp'),
    host: reader.string('WORKER_HOST', '127.0.0.1'),
    port: reader.integer('WORKER_PORT', 4001, 1, 65535),
    natsUrl: reader.string('NATS_URL', 'nats://127.0.0.1:4222'),
    dataDir: reader.string('DATA_DIR', 'var/shards'),
    heartbeatMs: reader.integer('HEARTBEAT_MS', 2000, 100, 600_000),
    maxFutureDays: reader.integer('MAX_FUTURE_DAYS', DEFAULT_MAX_FUTURE_DAYS, 0, 3650),
  };
  if (config.city !== '' && cityKey(config.city) === '') {
    // Its shard would be the hidden file `.csv`, and its subjects `city..ingest`.
    reader.problem(`CITY "${config.city}" holds no letter or digit: it names no city`);
  }
  reader.done();
  return config;
}
