import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { seedIfEmpty, waitForCities } from '#platform';
import type { GatewayConfig } from '../config/gateway-config.js';
import { GATEWAY_CONFIG } from '../config/tokens.js';

const SEED_WAIT_MS = 120_000;

/**
 * With SEED_FILE set, imports it through the gateway's own API once the SEED_CITIES are up, if
 * they are all empty (a deployment's first start); never blocks the start itself.
 */
@Injectable()
export class SeedService implements OnApplicationBootstrap {
  private readonly logger = new Logger(SeedService.name);

  constructor(@Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig) {}

  onApplicationBootstrap(): void {
    if (this.config.seedFile === '') return;
    void this.seed();
  }

  private async seed(): Promise<void> {
    const self = `http://127.0.0.1:${this.config.port}`;
    try {
      await waitForCities(self, this.config.seedCities, SEED_WAIT_MS);
      this.logger.log(await seedIfEmpty(self, this.config.seedFile, this.config.apiKey));
    } catch (error) {
      this.logger.error(`seeding ${this.config.seedFile}: ${String(error)}`);
    }
  }
}
