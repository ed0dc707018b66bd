import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ReadDocs } from '../auth/auth-docs.js';
import type { Access } from '../auth/access.js';
import { Caller } from '../auth/auth-decorators.js';
import { CITY_STATUS_SCHEMA } from '../docs/import-schemas.js';
import { CitiesService, type CityStatus } from './cities.service.js';

@ApiTags('cluster')
@Controller('cities')
export class CitiesController {
  constructor(private readonly cities: CitiesService) {}

  @ReadDocs()
  @Get()
  @ApiOperation({ summary: 'The cities served, each worker up or down, its size and latency' })
  @ApiOkResponse({ description: 'One entry per configured city.', schema: CITY_STATUS_SCHEMA })
  list(@Caller() access: Access): Promise<CityStatus[]> {
    return this.cities.statuses(access);
  }
}
