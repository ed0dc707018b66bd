import { Controller, Inject, Logger } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { CITY_HEARTBEAT_PATTERN, cityKey, type CityHeartbeat } from '#contracts';
import { CityRegistry } from '../cluster/city-registry.service.js';
import { CITY_WORKERS, type CityWorkers } from '../cluster/city-workers.port.js';
import type { CallTimeouts } from '../config/gateway-config.js';
import { CALL_TIMEOUTS } from '../config/tokens.js';

/** The longest city name a heartbeat may carry (a city, not a payload). */
const MAX_CITY_CHARS = 64;

/**
 * Hears the workers' heartbeats (NATS). Any client of the broker can publish one, so a heartbeat
 * is believed only when it is well formed and names a city the gateway would accept, and a new
 * city is served only once a worker of it answers a call.
 */
@Controller()
export class DiscoveryController {
  private readonly logger = new Logger(DiscoveryController.name);

  constructor(
    private readonly registry: CityRegistry,
    @Inject(CITY_WORKERS) private readonly workers: CityWorkers,
    @Inject(CALL_TIMEOUTS) private readonly timeouts: CallTimeouts,
  ) {}

  @EventPattern(CITY_HEARTBEAT_PATTERN)
  async heartbeat(@Payload() heartbeat: unknown): Promise<void> {
    if (!isHeartbeat(heartbeat)) {
      this.logger.warn(`ignored a malformed heartbeat: ${JSON.stringify(heartbeat).slice(0, 200)}`);
      return;
    }
    if (this.registry.resolve(heartbeat.city) === undefined) {
      try {
        await this.workers.info(heartbeat.city, {}, this.timeouts.statusMs);
      } catch {
        this.logger.warn(`ignored a heartbeat for ${heartbeat.city}: no worker of it answers`);
        return;
      }
    }
    this.registry.register(heartbeat);
  }
}

function isHeartbeat(value: unknown): value is CityHeartbeat {
  if (typeof value !== 'object' || value === null) return false;
  const { city, instance, transactions, intervalMs } = value as Record<string, unknown>;
  return (
    typeof city === 'string' &&
    city.length <= MAX_CITY_CHARS &&
    city.trim() === city &&
    cityKey(city) !== '' &&
    !/[\p{Cc}]/u.test(city) &&
    typeof instance === 'string' &&
    instance.length > 0 &&
    instance.length <= 200 &&
    Number.isSafeInteger(transactions) &&
    typeof intervalMs === 'number' &&
    Number.isFinite(intervalMs) &&
    intervalMs > 0
  );
}
