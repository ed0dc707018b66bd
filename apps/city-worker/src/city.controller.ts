import { Controller, Inject, UseFilters, UseInterceptors, type Type } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  cityPatterns,
  type CityHandlers,
  type CityMessageName,
  type CityPayload,
  type CityResult,
} from '#contracts';
import { DomainRpcFilter } from './domain-rpc.filter.js';
import { RequestScope } from './request-scope.interceptor.js';
import { CITY_HANDLERS } from './tokens.js';

type Answer<K extends CityMessageName> = CityResult<K> | Promise<CityResult<K>>;

/**
 * The message handlers of one city (its sole worker's, or a replica's). Patterns carry the city's name (NATS subjects are shared by
 * every worker), and decorators take constants, so the controller class is made for its city.
 */
export function cityControllerFor(city: string): Type<CityHandlers> {
  const patterns = cityPatterns(city);

  @Controller()
  @UseFilters(DomainRpcFilter)
  @UseInterceptors(RequestScope)
  class CityController implements CityHandlers {
    constructor(@Inject(CITY_HANDLERS) private readonly city: CityHandlers) {}

    @MessagePattern(patterns.ingest)
    ingest(@Payload() batch: CityPayload<'ingest'>): Answer<'ingest'> {
      return this.city.ingest(batch);
    }

    @MessagePattern(patterns.summarize)
    summarize(@Payload() request: CityPayload<'summarize'>): Answer<'summarize'> {
      return this.city.summarize(request);
    }

    @MessagePattern(patterns.info)
    info(): Answer<'info'> {
      return this.city.info({});
    }

    @MessagePattern(patterns.correct)
    correct(@Payload() request: CityPayload<'correct'>): Answer<'correct'> {
      return this.city.correct(request);
    }

    @MessagePattern(patterns.list)
    list(@Payload() request: CityPayload<'list'>): Answer<'list'> {
      return this.city.list(request);
    }

    @MessagePattern(patterns.targets)
    targets(): Answer<'targets'> {
      return this.city.targets({});
    }

    @MessagePattern(patterns.setTargets)
    setTargets(@Payload() request: CityPayload<'setTargets'>): Answer<'setTargets'> {
      return this.city.setTargets(request);
    }
  }
  return CityController;
}
