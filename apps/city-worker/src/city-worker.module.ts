import { Module, type DynamicModule } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { validatedConfigModule } from '#platform';
import { cityControllerFor } from './city.controller.js';
import { CityService } from './city.service.js';
import { HeartbeatService } from './heartbeat.service.js';
import { WorkerMetrics } from './metrics/worker-metrics.js';
import { RequestScope } from './request-scope.interceptor.js';
import { recoverCity } from './shard/recover-city.js';
import { FILE_WRITER, type ShardWriter } from './shard/shard-writer.js';
import { CITY_STATE, ON_FATAL, SHARD_WRITER, WORKER_CONFIG, type FatalHandler } from './tokens.js';
import type { WorkerConfig } from './worker-config.js';

export interface CityWorkerOptions {
  readonly config: WorkerConfig;
  readonly onFatal: FatalHandler;
  /** Durable by default; tests inject one that fails. */
  readonly shardWriter?: ShardWriter;
}

@Module({})
export class CityWorkerModule {
  static forRoot({ config, onFatal, shardWriter }: CityWorkerOptions): DynamicModule {
    return {
      module: CityWorkerModule,
      imports: [validatedConfigModule({ worker: config })],
      controllers: [cityControllerFor(config.city)],
      providers: [
        {
          provide: WORKER_CONFIG,
          useFactory: (service: ConfigService<{ worker: WorkerConfig }, true>) =>
            service.getOrThrow<WorkerConfig>('worker'),
          inject: [ConfigService],
        },
        { provide: ON_FATAL, useValue: onFatal },
        { provide: SHARD_WRITER, useValue: shardWriter ?? FILE_WRITER },
        {
          // The shard is read back before the worker takes any message.
          provide: CITY_STATE,
          useFactory: recoverCity,
          inject: [WORKER_CONFIG, SHARD_WRITER],
        },
        CityService,
        HeartbeatService,
        WorkerMetrics,
        RequestScope,
      ],
    };
  }
}
