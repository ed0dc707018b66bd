import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { CITY_HEARTBEAT_PATTERN, type CityHeartbeat } from '#contracts';
import { CityRegistry } from '../cluster/city-registry.service.js';

/** Hears the workers' heartbeats (NATS): a new city is served from its first heartbeat on. */
@Controller()
export class DiscoveryController {
  constructor(private readonly registry: CityRegistry) {}

  @EventPattern(CITY_HEARTBEAT_PATTERN)
  heartbeat(@Payload() heartbeat: CityHeartbeat): void {
    this.registry.register(heartbeat);
  }
}
