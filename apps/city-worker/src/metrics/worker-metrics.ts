import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { Gauge, Histogram, type Registry } from 'prom-client';
import {
  LATENCY_BUCKETS,
  METRIC_PREFIX,
  processRegistry,
  serveMetrics,
  type MetricsEndpoint,
} from '#platform';
import type { CityState } from '../shard/recover-city.js';
import { CITY_STATE, WORKER_CONFIG } from '../tokens.js';
import type { WorkerConfig } from '../worker-config.js';

/**
 * A worker's metrics (README, "Exploitation"), served on METRICS_PORT when it is set: what it
 * holds, its shard's size, how long it took to come back, and how long each message took.
 */
@Injectable()
export class WorkerMetrics implements OnApplicationBootstrap, OnApplicationShutdown {
  readonly registry: Registry = processRegistry();
  private readonly logger = new Logger(WorkerMetrics.name);
  private endpoint: MetricsEndpoint | undefined;

  private readonly messageDuration = new Histogram({
    name: `${METRIC_PREFIX}worker_message_duration_seconds`,
    help: 'Messages handled by the city worker, by city, message and outcome',
    labelNames: ['city', 'pattern', 'outcome'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  constructor(
    @Inject(WORKER_CONFIG) private readonly config: WorkerConfig,
    @Inject(CITY_STATE) state: CityState,
  ) {
    const city = config.city;
    this.cityGauge(
      'rows_held',
      'Transactions the city worker holds (deleted ones apart)',
      () => state.store.length,
    );
    this.cityGauge('shard_bytes', "Size of the city's shard file", () => state.shard.bytes);
    new Gauge({
      name: `${METRIC_PREFIX}recovery_duration_seconds`,
      help: 'How long the worker took at start to read its rows back, from a snapshot or the whole shard',
      labelNames: ['city', 'source'] as const,
      registers: [this.registry],
    }).set({ city, source: state.source }, state.recoverySeconds);
  }

  /** A gauge of the city read at each scrape. */
  private cityGauge(name: string, help: string, read: () => number): void {
    const city = this.config.city;
    new Gauge({
      name: `${METRIC_PREFIX}${name}`,
      help,
      labelNames: ['city'] as const,
      registers: [this.registry],
      collect() {
        this.set({ city }, read());
      },
    });
  }

  /** Starts timing a message; the function returned ends it with its outcome. */
  timeMessage(pattern: string): (outcome: 'ok' | 'error') => void {
    const end = this.messageDuration.startTimer({ city: this.config.city, pattern });
    return (outcome) => {
      end({ outcome });
    };
  }

  async onApplicationBootstrap(): Promise<void> {
    const { metricsPort, host } = this.config;
    if (metricsPort === 0) return;
    this.endpoint = await serveMetrics(this.registry, host, metricsPort);
    this.logger.log(`metrics on http://${host}:${metricsPort}/metrics`);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.endpoint?.close();
  }
}
