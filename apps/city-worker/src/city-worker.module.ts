import { Module, type DynamicModule, type Provider } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { validatedConfigModule } from '#platform';
import { cityControllerFor } from './city.controller.js';
import { CityService } from './city.service.js';
import { HeartbeatService } from './heartbeat.service.js';
import { WorkerMetrics } from './metrics/worker-metrics.js';
import { RequestScope } from './request-scope.interceptor.js';
import { recoverCity } from './shard/recover-city.js';
import { FILE_WRITER, type ShardWriter } from './shard/shard-writer.js';
import type { CityStream } from './replica/city-stream.js';
import { ReplicaLog } from './replica/replica-log.service.js';
import { recoverReplica } from './replica/replica-state.js';
import { ReplicatedCity } from './replica/replicated-city.js';
import { CITY_STREAM } from './replica/tokens.js';
import {
  CITY_HANDLERS,
  CITY_STATE,
  ON_FATAL,
  SHARD_WRITER,
  WORKER_CONFIG,
  type FatalHandler,
} from './tokens.js';
import type { WorkerConfig } from './worker-config.js';

export interface CityWorkerOptions {
  readonly config: WorkerConfig;
  readonly onFatal: FatalHandler;
  /** Durable by default; tests inject one that fails. */
  readonly shardWriter?: ShardWriter;
  /** The city's stream, when the worker is one of its replicas (NATS with JetStream). */
  readonly stream?: CityStream;
}

@Module({})
export class CityWorkerModule {
  static forRoot({ config, onFatal, shardWriter, stream }: CityWorkerOptions): DynamicModule {
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
        ...(stream === undefined ? soleWorker() : replica(config, stream)),
        CityService,
        HeartbeatService,
        WorkerMetrics,
        RequestScope,
      ],
    };
  }
}

/** The city's only worker: its shard is read back before it takes any message. */
function soleWorker(): Provider[] {
  return [
    { provide: CITY_STATE, useFactory: recoverCity, inject: [WORKER_CONFIG, SHARD_WRITER] },
    { provide: CITY_HANDLERS, useExisting: CityService },
  ];
}

/** One of the city's replicas: its snapshot, then the stream after it, before any message. */
function replica(config: WorkerConfig, stream: CityStream): Provider[] {
  return [
    { provide: CITY_STREAM, useValue: stream },
    { provide: CITY_STATE, useFactory: () => recoverReplica(config, stream.name) },
    ReplicaLog,
    ReplicatedCity,
    { provide: CITY_HANDLERS, useExisting: ReplicatedCity },
  ];
}
