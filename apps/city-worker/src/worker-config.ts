import { DEFAULT_MAX_FUTURE_DAYS } from '#domain';
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
  reader.done();
  return config;
}
