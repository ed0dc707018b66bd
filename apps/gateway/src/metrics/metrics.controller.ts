import { INTERNAL_ACCESS } from '../auth/access.js';
import { Controller, Get, Header } from '@nestjs/common';
import { Needs } from '../auth/auth-decorators.js';
import { prometheusContentType } from 'prom-client';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CitiesService } from '../cities/cities.service.js';
import { StreamQuota } from '../live/stream-quota.js';
import { GatewayMetrics } from './gateway-metrics.js';

@ApiTags('cluster')
@Needs('metrics')
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly metrics: GatewayMetrics,
    private readonly cities: CitiesService,
    private readonly streams: StreamQuota,
  ) {}

  @Get()
  @Header('Cache-Control', 'no-store')
  @Header('Content-Type', prometheusContentType)
  @ApiOperation({
    summary: "The gateway's metrics in the Prometheus text format",
    description:
      'Process and event-loop metrics, HTTP requests, calls to the cities, imported rows by city and outcome, report cache, live streams, and each city up or down as asked at this scrape (README, "Exploitation").',
  })
  @ApiProduces('text/plain')
  @ApiOkResponse({ schema: { type: 'string', example: 'autoconnect_city_up{city="Lyon"} 1' } })
  async scrape(): Promise<string> {
    // Asked at each scrape, as an exporter does: the answer is the cities' state now.
    const statuses = await this.cities.statuses(INTERNAL_ACCESS);
    this.metrics.expectCities(statuses.map(({ city }) => city));
    this.metrics.cityUp.reset();
    for (const { city, status } of statuses) {
      this.metrics.cityUp.set({ city }, status === 'up' ? 1 : 0);
    }
    this.metrics.liveStreams.set(this.streams.open);
    return this.metrics.registry.metrics();
  }
}
