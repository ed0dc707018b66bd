import { Module, type DynamicModule } from '@nestjs/common';
import { CityService } from './city.service.js';
import { HeartbeatService } from './heartbeat.service.js';
import { cityControllerFor } from './city.controller.js';
import type { CityStores } from '#domain';
import type { CityShard } from './shard/city-shard.js';
import { CITY_SHARD, CITY_STORES, WORKER_CONFIG } from './tokens.js';
import type { WorkerConfig } from './worker-config.js';

@Module({})
export class CityWorkerModule {
  static forCity(config: WorkerConfig, stores: CityStores, shard: CityShard): DynamicModule {
    return {
      module: CityWorkerModule,
      controllers: [cityControllerFor(config.city)],
      providers: [
        { provide: WORKER_CONFIG, useValue: config },
        { provide: CITY_STORES, useValue: stores },
        { provide: CITY_SHARD, useValue: shard },
        CityService,
        HeartbeatService,
      ],
    };
  }
}
