import { Controller, UseFilters, UseInterceptors, type Type } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { cityPatterns, type CityHandlers, type CityPayload, type CityResult } from '#contracts';
import { CityService } from './city.service.js';
import { DomainRpcFilter } from './domain-rpc.filter.js';
import { RequestScope } from './request-scope.interceptor.js';

/**
 * The message handlers of one city. Patterns carry the city's name (NATS subjects are shared by
 * every worker), and decorators take constants, so the controller class is made for its city.
 */
export function cityControllerFor(city: string): Type<CityHandlers> {
  const patterns = cityPatterns(city);

  @Controller()
  @UseFilters(DomainRpcFilter)
  @UseInterceptors(RequestScope)
  class CityController implements CityHandlers {
    constructor(private readonly city: CityService) {}

    @MessagePattern(patterns.ingest)
    ingest(@Payload() batch: CityPayload<'ingest'>): Promise<CityResult<'ingest'>> {
      return this.city.ingest(batch);
    }

    @MessagePattern(patterns.summarize)
    summarize(@Payload() request: CityPayload<'summarize'>): CityResult<'summarize'> {
      return this.city.summarize(request);
    }

    @MessagePattern(patterns.info)
    info(): CityResult<'info'> {
      return this.city.info();
    }

    @MessagePattern(patterns.correct)
    correct(@Payload() request: CityPayload<'correct'>): CityResult<'correct'> {
      return this.city.correct(request);
    }

    @MessagePattern(patterns.list)
    list(@Payload() request: CityPayload<'list'>): CityResult<'list'> {
      return this.city.list(request);
    }

    @MessagePattern(patterns.targets)
    targets(): CityResult<'targets'> {
      return this.city.targets();
    }

    @MessagePattern(patterns.setTargets)
    setTargets(@Payload() request: CityPayload<'setTargets'>): CityResult<'setTargets'> {
      return this.city.setTargets(request);
    }
  }
  return CityController;
}
