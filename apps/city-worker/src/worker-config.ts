import {
  logConfigOf,
  natsCredentialsOf,
  validateEnv,
  type Environment,
  type LogConfig,
  type NatsCredentials,
  type TransportKind,
} from '#platform';
import { WorkerEnv } from './worker-env.js';

export interface WorkerConfig {
  readonly city: string;
  readonly transport: TransportKind;
  readonly host: string;
  readonly port: number;
  readonly natsUrl: string;
  readonly natsCredentials?: NatsCredentials;
  /** Where the city's shard lives. */
  readonly dataDir: string;
  /** How often the worker announces itself over NATS. */
  readonly heartbeatMs: number;
  /** How far after today a transaction's date may be (DATE_OUT_OF_RANGE beyond). */
  readonly maxFutureDays: number;
  /** Distinct models the city may hold: a row naming one more is rejected. */
  readonly maxModels: number;
  /** The servers keeping the city's stream, when the worker is one of its replicas (JetStream). */
  readonly jetstreamReplicas: number;
  /** The port of the worker's GET /metrics, on `host`; 0: none. */
  readonly metricsPort: number;
  readonly logging: LogConfig;
}

/** The worker's configuration from its environment, validated by {@link WorkerEnv}. */
export function readWorkerConfig(env: Environment): WorkerConfig {
  const vars = validateEnv(WorkerEnv, env);
  return {
    city: vars.CITY,
    transport: vars.TRANSPORT,
    host: vars.WORKER_HOST,
    port: vars.WORKER_PORT,
    natsUrl: vars.NATS_URL,
    natsCredentials: natsCredentialsOf(vars.NATS_USER, vars.NATS_PASSWORD),
    dataDir: vars.DATA_DIR,
    heartbeatMs: vars.HEARTBEAT_MS,
    maxFutureDays: vars.MAX_FUTURE_DAYS,
    maxModels: vars.MAX_MODELS_PER_CITY,
    jetstreamReplicas: vars.JETSTREAM_REPLICAS,
    metricsPort: vars.METRICS_PORT,
    logging: logConfigOf(vars),
  };
}
