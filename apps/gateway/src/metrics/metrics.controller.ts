import { Controller, Get, Header } from '@nestjs/common';
import { prometheusContentType } from 'prom-client';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Needs } from '../auth/auth-decorators.js';
import { MetricsScrape } from './metrics-scrape.service.js';

@ApiTags('cluster')
@Needs('admin')
@Controller('metrics')
export class MetricsController {
  constructor(private readonly scrapes: MetricsScrape) {}

  @Get()
  @Header('Cache-Control', 'no-store')
  @Header('Content-Type', prometheusContentType)
  @ApiOperation({
    summary: "The gateway's metrics in the Prometheus text format",
    description:
      'For admins (with sign-in on); Prometheus scrapes METRICS_PORT instead. Process and event-loop metrics, HTTP requests, calls to the cities, imported rows by city and outcome, report cache, live streams, and each city up or down as asked at this scrape (README, "Exploitation").',
  })
  @ApiProduces('text/plain')
  @ApiOkResponse({ schema: { type: 'string', example: 'autoconnect_city_up{city="Lyon"} 1' } })
  scrape(): Promise<string> {
    return this.scrapes.metricsText();
  }
}
