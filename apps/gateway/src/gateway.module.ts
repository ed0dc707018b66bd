import {
  Module,
  RequestMethod,
  type DynamicModule,
  type MiddlewareConsumer,
  type NestModule,
} from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { validatedConfigModule } from '#platform';
import { CitiesController } from './cities/cities.controller.js';
import { CitiesService } from './cities/cities.service.js';
import { ClientProxyCityWorkers } from './cluster/client-proxy-city-workers.js';
import { CityRegistry } from './cluster/city-registry.service.js';
import { CITY_WORKERS } from './cluster/city-workers.port.js';
import type { ClusterConfig, GatewayConfig } from './config/gateway-config.js';
import { CLUSTER_CONFIG, CONFIG_SLICES } from './config/tokens.js';
import { DiscoveryController } from './discovery/discovery.controller.js';
import { HttpErrorFilter } from './errors/http-error.filter.js';
import { EventLoopMonitor } from './health/event-loop-monitor.js';
import { HealthController } from './health/health.controller.js';
import { ImportsController } from './imports/imports.controller.js';
import { ImportsService } from './imports/imports.service.js';
import { CorrectionsService } from './corrections/corrections.service.js';
import { CityWatch } from './live/city-watch.service.js';
import { LiveController } from './live/live.controller.js';
import { LiveEvents } from './live/live-events.service.js';
import { GatewayMetrics } from './metrics/gateway-metrics.js';
import { MetricsController } from './metrics/metrics.controller.js';
import { RequestObserver } from './metrics/request-observer.js';
import { ReportsController } from './reports/reports.controller.js';
import { ReportsService } from './reports/reports.service.js';
import { StreamQuota } from './live/stream-quota.js';
import { AllowedHosts } from './security/allowed-hosts.middleware.js';
import { ApiKeyGuard } from './security/api-key.guard.js';
import { SameOriginWrites } from './security/same-origin-writes.middleware.js';
import { WriteRateLimit } from './security/write-rate-limit.middleware.js';
import { SeedService } from './seed/seed.service.js';
import { TransactionListController } from './transactions/transaction-list.controller.js';
import { TransactionListing } from './transactions/transaction-listing.service.js';
import { TransactionsController } from './transactions/transactions.controller.js';

@Module({})
export class GatewayModule implements NestModule {
  /** The gateway for one configuration; tests replace CITY_WORKERS with the in-process adapter. */
  static forConfig(config: GatewayConfig): DynamicModule {
    return {
      module: GatewayModule,
      imports: [validatedConfigModule(config), TerminusModule.forRoot({ logger: false })],
      controllers: [
        ReportsController,
        ImportsController,
        TransactionsController,
        TransactionListController,
        CitiesController,
        HealthController,
        DiscoveryController,
        LiveController,
        MetricsController,
      ],
      providers: [
        ...CONFIG_SLICES,
        { provide: APP_FILTER, useClass: HttpErrorFilter },
        {
          provide: CITY_WORKERS,
          useFactory: (cluster: ClusterConfig, metrics: GatewayMetrics) =>
            ClientProxyCityWorkers.create(cluster, metrics),
          inject: [CLUSTER_CONFIG, GatewayMetrics],
        },
        CityRegistry,
        ReportsService,
        ImportsService,
        CitiesService,
        ApiKeyGuard,
        SeedService,
        WriteRateLimit,
        SameOriginWrites,
        AllowedHosts,
        LiveEvents,
        CityWatch,
        StreamQuota,
        CorrectionsService,
        TransactionListing,
        EventLoopMonitor,
        GatewayMetrics,
        RequestObserver,
      ],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(AllowedHosts).forRoutes({ path: '{*path}', method: RequestMethod.ALL });
    consumer
      .apply(WriteRateLimit, SameOriginWrites)
      .forRoutes(
        { path: 'imports', method: RequestMethod.POST },
        { path: 'transactions', method: RequestMethod.POST },
        { path: 'transactions/:id', method: RequestMethod.PUT },
        { path: 'transactions/:id', method: RequestMethod.DELETE },
      );
  }
}
