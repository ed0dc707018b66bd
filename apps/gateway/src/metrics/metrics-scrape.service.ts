import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { serveMetrics, type MetricsEndpoint } from '#platform';
import { INTERNAL_ACCESS } from '../auth/access.js';
import { CitiesService } from '../cities/cities.service.js';
import type { MetricsListener } from '../config/gateway-config.js';
import { METRICS_LISTENER } from '../config/tokens.js';
import { StreamQuota } from '../live/stream-quota.js';
import { GatewayMetrics } from './gateway-metrics.js';

/**
 * One scrape of the gateway's metrics, for `GET /metrics` (admins) and for the listener of
 * METRICS_PORT (Prometheus, inside the deployment's network, as the workers' listeners).
 */
@Injectable()
export class MetricsScrape implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(MetricsScrape.name);
  private endpoint: MetricsEndpoint | undefined;

  constructor(
    private readonly metrics: GatewayMetrics,
    private readonly cities: CitiesService,
    private readonly streams: StreamQuota,
    @Inject(METRICS_LISTENER) private readonly listener: MetricsListener,
  ) {}

  /** The metrics now: each city is asked at the scrape, as an exporter does. */
  async metricsText(): Promise<string> {
    const statuses = await this.cities.statuses(INTERNAL_ACCESS);
    this.metrics.expectCities(statuses.map(({ city }) => city));
    this.metrics.cityUp.reset();
    for (const { city, status } of statuses) {
      this.metrics.cityUp.set({ city }, status === 'up' ? 1 : 0);
    }
    this.metrics.liveStreams.set(this.streams.open);
    return this.metrics.registry.metrics();
  }

  async onApplicationBootstrap(): Promise<void> {
    const { host = '0.0.0.0', port } = this.listener;
    if (port === 0) return;
    this.endpoint = await serveMetrics(
      { metrics: () => this.metricsText(), contentType: this.metrics.registry.contentType },
      host,
      port,
    );
    this.logger.log(`metrics for Prometheus on http://${host}:${port}/metrics`);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.endpoint?.close();
  }
}
