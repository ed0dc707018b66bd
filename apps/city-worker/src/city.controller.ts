import { Controller, UseFilters, type Type } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import type { CitySummary } from '#domain';
import { cityPatterns, type CityInfo, type IngestBatch, type IngestResult } from '#contracts';
import { CityService } from './city.service.js';
import { DomainRpcFilter } from './domain-rpc.filter.js';

/**
 * The message handlers of one city. Patterns carry the city's name (NATS subjects are shared by
 * every worker), and decorators take constants, so the controller class is made for its city.
 */
export function cityControllerFor(city: string): Type<unknown> {
  const patterns = cityPatterns(city);

  @Controller()
  @UseFilters(DomainRpcFilter)
  class CityController {
    constructor(private readonly cities: CityService) {}

    @MessagePattern(patterns.ingest)
    ingest(@Payload() batch: IngestBatch): IngestResult {
      return this.cities.ingest(batch);
    }

    @MessagePattern(patterns.summarize)
    summarize(): CitySummary {
      return this.cities.summarize();
    }

    @MessagePattern(patterns.info)
    info(): CityInfo {
      return this.cities.info();
    }
  }
  return CityController;
}
