import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CitiesService, type CityStatus } from './cities.service.js';

@ApiTags('cluster')
@Controller('cities')
export class CitiesController {
  constructor(private readonly cities: CitiesService) {}

  @Get()
  @ApiOperation({ summary: 'The cities served, each worker up or down, its size and latency' })
  @ApiOkResponse({
    description:
      '[{city, transport, status, transactions, latencyMs, firstMonth, lastMonth, error?}]',
  })
  list(): Promise<CityStatus[]> {
    return this.cities.statuses();
  }
}
