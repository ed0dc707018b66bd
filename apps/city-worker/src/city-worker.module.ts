import { Module, type DynamicModule } from '@nestjs/common';
import { CityService } from './city.service.js';
import { cityControllerFor } from './city.controller.js';
import { WORKER_CONFIG } from './tokens.js';
import type { WorkerConfig } from './worker-config.js';

@Module({})
export class CityWorkerModule {
  static forCity(config: WorkerConfig): DynamicModule {
    return {
      module: CityWorkerModule,
      controllers: [cityControllerFor(config.city)],
      providers: [{ provide: WORKER_CONFIG, useValue: config }, CityService],
    };
  }
}
