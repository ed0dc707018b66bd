import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { ThrottlerModule } from '@nestjs/throttler';
import { CitiesController } from './cities/cities.controller.js';
import { CitiesService } from './cities/cities.service.js';
import { CityCluster } from './cluster/city-cluster.service.js';
import type { GatewayConfig } from './config/gateway-config.js';
import { GATEWAY_CONFIG } from './config/tokens.js';
import { DiscoveryController } from './discovery/discovery.controller.js';
import { HttpErrorFilter } from './errors/http-error.filter.js';
import { HealthController } from './health/health.controller.js';
import { ImportsController } from './imports/imports.controller.js';
import { ImportsService } from './imports/imports.service.js';
import { ReportsController } from './reports/reports.controller.js';
import { ReportsService } from './reports/reports.service.js';
import { ApiKeyGuard } from './security/api-key.guard.js';
import { SeedService } from './seed/seed.service.js';
import { TransactionsController } from './transactions/transactions.controller.js';

@Module({})
export class GatewayModule {
  static forConfig(config: GatewayConfig): DynamicModule {
    return {
      module: GatewayModule,
      imports: [
        TerminusModule.forRoot({ logger: false }),
        ThrottlerModule.forRoot([{ ttl: 60_000, limit: config.writesPerMinute }]),
      ],
      controllers: [
        ReportsController,
        ImportsController,
        TransactionsController,
        CitiesController,
        HealthController,
        DiscoveryController,
      ],
      providers: [
        { provide: GATEWAY_CONFIG, useValue: config },
        { provide: APP_FILTER, useClass: HttpErrorFilter },
        CityCluster,
        ReportsService,
        ImportsService,
        CitiesService,
        ApiKeyGuard,
        SeedService,
      ],
    };
  }
}
