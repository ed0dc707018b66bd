import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  HealthCheck,
  HealthCheckService,
  HealthIndicatorService,
  type HealthCheckResult,
  type HealthIndicatorResult,
} from '@nestjs/terminus';
import { INTERNAL_ACCESS } from '../auth/access.js';
import { Public } from '../auth/auth-decorators.js';
import { CitiesService } from '../cities/cities.service.js';
import { EventLoopMonitor, type EventLoopDelay } from './event-loop-monitor.js';

@ApiTags('cluster')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly cities: CitiesService,
    private readonly eventLoop: EventLoopMonitor,
  ) {}

  @Get('event-loop')
  @ApiOperation({
    summary: "The gateway's event-loop delay since the previous reading (p50, p99, max, ms)",
    description:
      'How long requests had to wait for the one thread; each reading starts the next. For benchmarks (npm run bench:load) and monitoring.',
  })
  @ApiOkResponse({
    schema: {
      type: 'object',
      properties: {
        sinceMs: { type: 'number', example: 30_012 },
        p50Ms: { type: 'number', example: 10.1 },
        p99Ms: { type: 'number', example: 24.6 },
        maxMs: { type: 'number', example: 61.3 },
      },
    },
  })
  eventLoopDelay(): EventLoopDelay {
    return this.eventLoop.read();
  }

  @Get()
  @HealthCheck()
  @ApiOperation({ summary: 'The gateway and each city worker: 200 when all are up, 503 otherwise' })
  async check(): Promise<HealthCheckResult> {
    const statuses = await this.cities.statuses(INTERNAL_ACCESS);
    return this.health.check([
      (): HealthIndicatorResult => this.indicators.check('gateway').up(),
      ...statuses.map(
        (status) => (): HealthIndicatorResult =>
          status.status === 'up'
            ? this.indicators
                .check(`worker:${status.city}`)
                .up({ transactions: status.transactions })
            : this.indicators.check(`worker:${status.city}`).down({ error: status.error }),
      ),
    ]);
  }
}
