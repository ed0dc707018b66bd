import { DEFAULT_MAX_FUTURE_DAYS, DEFAULT_MAX_MODELS_PER_CITY } from '#domain/ingest';
import { cityKey } from '#contracts';
import { ClusterEnv, EnvInteger, EnvRule, EnvText } from '#platform';

/** Every variable a city worker reads, with its default and its rule (README, "Configuration"). */
export class WorkerEnv extends ClusterEnv {
  @EnvText()
  // Its shard would be the hidden file `.csv`, and its subjects `city..ingest`.
  @EnvRule(
    'namesACity',
    (value) => value === '' || cityKey(String(value)) !== '',
    (_, value) => `CITY "${String(value)}" holds no letter or digit: it names no city`,
  )
  readonly CITY!: string;

  @EnvText('127.0.0.1')
  readonly WORKER_HOST!: string;

  @EnvInteger(4001, 1, 65535)
  readonly WORKER_PORT!: number;

  @EnvText('var/shards')
  readonly DATA_DIR!: string;

  @EnvInteger(2000, 100, 600_000)
  readonly HEARTBEAT_MS!: number;

  @EnvInteger(DEFAULT_MAX_FUTURE_DAYS, 0, 3650)
  readonly MAX_FUTURE_DAYS!: number;

  /** Distinct models the city may hold; a row naming one more is rejected (TOO_MANY_MODELS). */
  @EnvInteger(DEFAULT_MAX_MODELS_PER_CITY, 1, 1_000_000)
  readonly MAX_MODELS_PER_CITY!: number;

  /**
   * Over NATS with JetStream: how many servers keep the city's stream (1 on one server, 3 on a
   * cluster). Every worker of the city should be given the same.
   */
  @EnvInteger(1, 1, 5)
  readonly JETSTREAM_REPLICAS!: number;

  /** Where Prometheus scrapes the worker's GET /metrics (on WORKER_HOST); 0: no listener. */
  @EnvInteger(0, 0, 65535)
  readonly METRICS_PORT!: number;
}
