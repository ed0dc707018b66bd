import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  HealthCheck,
  HealthCheckService,
  HealthIndicatorService,
  type HealthCheckResult,
  type HealthIndicatorResult,
} from '@nestjs/terminus';
import { CitiesService } from '../cities/cities.service.js';

@ApiTags('cluster')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly cities: CitiesService,
  ) {}

  @Get()
  @HealthCheck()
  @ApiOperation({ summary: 'The gateway and each city worker: 200 when all are up, 503 otherwise' })
  async check(): Promise<HealthCheckResult> {
    const statuses = await this.cities.statuses();
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
