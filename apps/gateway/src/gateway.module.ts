import {
  Module,
  RequestMethod,
  type DynamicModule,
  type MiddlewareConsumer,
  type NestModule,
} from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { validatedConfigModule } from '#platform';
import { AuditController } from './audit/audit.controller.js';
import { AuditLog } from './audit/audit-log.service.js';
import { AuditWrites } from './audit/audited.js';
import { AuthController } from './auth/auth.controller.js';
import { AuthGuard } from './auth/auth.guard.js';
import { Authenticator } from './auth/authenticator.service.js';
import { TokenStore } from './auth/token-store.service.js';
import { UserDirectory } from './auth/user-directory.service.js';
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
import { MetricsScrape } from './metrics/metrics-scrape.service.js';
import { RequestObserver } from './metrics/request-observer.js';
import { ReportsController } from './reports/reports.controller.js';
import { ReportsService } from './reports/reports.service.js';
import { StreamQuota } from './live/stream-quota.js';
import { AllowedHosts } from './security/allowed-hosts.middleware.js';
import { SameOriginWrites } from './security/same-origin-writes.middleware.js';
import { WriteRateLimit } from './security/write-rate-limit.middleware.js';
import { SeedService } from './seed/seed.service.js';
import { TransactionListController } from './transactions/transaction-list.controller.js';
import { TransactionListing } from './transactions/transaction-listing.service.js';
import { TransactionsController } from './transactions/transactions.controller.js';
import { TargetsCache } from './targets/targets-cache.service.js';
import { ReviewBuilder } from './reviews/review-builder.service.js';
import { ReviewDispatcher } from './reviews/review-dispatcher.service.js';
import { ReviewsController } from './reviews/reviews.controller.js';
import { SentLog } from './reviews/sent-log.service.js';
import { TargetsController } from './targets/targets.controller.js';
import { TargetsService } from './targets/targets.service.js';

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
        AuthController,
        AuditController,
        TargetsController,
        ReviewsController,
      ],
      providers: [
        ...CONFIG_SLICES,
        { provide: APP_FILTER, useClass: HttpErrorFilter },
        { provide: APP_GUARD, useClass: AuthGuard },
        UserDirectory,
        TokenStore,
        Authenticator,
        AuditLog,
        AuditWrites,
        {
          provide: CITY_WORKERS,
          useFactory: (cluster: ClusterConfig, metrics: GatewayMetrics, registry: CityRegistry) =>
            ClientProxyCityWorkers.create(cluster, metrics, (city) => registry.liveReplicas(city)),
          inject: [CLUSTER_CONFIG, GatewayMetrics, CityRegistry],
        },
        CityRegistry,
        ReportsService,
        ImportsService,
        CitiesService,
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
        MetricsScrape,
        TargetsCache,
        TargetsService,
        ReviewBuilder,
        ReviewDispatcher,
        SentLog,
      ],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(AllowedHosts).forRoutes({ path: '{*path}', method: RequestMethod.ALL });
    consumer.apply(WriteRateLimit, SameOriginWrites).forRoutes(
      { path: 'imports', method: RequestMethod.POST },
      { path: 'transactions', method: RequestMethod.POST },
      { path: 'transactions/:id', method: RequestMethod.PUT },
      { path: 'transactions/:id', method: RequestMethod.DELETE },
      { path: 'targets', method: RequestMethod.POST },
      { path: 'targets/:city/:month', method: RequestMethod.DELETE },
      { path: 'reviews/send', method: RequestMethod.POST },
      // A page of another site must not sign a browser in (to an account of its choosing),
      // out, or make tokens with an admin's cookie.
      { path: 'auth/login', method: RequestMethod.POST },
      { path: 'auth/logout', method: RequestMethod.POST },
      { path: 'auth/tokens', method: RequestMethod.POST },
      { path: 'auth/tokens/:id', method: RequestMethod.DELETE },
    );
  }
}
