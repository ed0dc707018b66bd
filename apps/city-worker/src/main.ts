import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Transport, type MicroserviceOptions } from '@nestjs/microservices';
import { exitOnStartupError, natsConnection } from '#platform';
import { CityWorkerModule } from './city-worker.module.js';
import { recoverCity } from './shard/recover-city.js';
import { ensureSoleInstance } from './sole-instance.js';
import { readWorkerConfig, type WorkerConfig } from './worker-config.js';

function transportOptions(config: WorkerConfig): MicroserviceOptions {
  if (config.transport === 'nats') {
    return {
      transport: Transport.NATS,
      options: natsConnection(config.natsUrl, `worker-${config.city}`),
    };
  }
  return { transport: Transport.TCP, options: { host: config.host, port: config.port } };
}

async function bootstrap(): Promise<void> {
  const config = readWorkerConfig(process.env);
  await ensureSoleInstance(config);
  const { stores, shard } = await recoverCity(config);
  const app = await NestFactory.createMicroservice<MicroserviceOptions>(
    CityWorkerModule.forCity(config, stores, shard),
    transportOptions(config),
  );
  app.enableShutdownHooks();
  await app.listen();
  const where = config.transport === 'nats' ? config.natsUrl : `${config.host}:${config.port}`;
  new Logger('CityWorker').log(
    `${config.city} worker listening over ${config.transport} on ${where}`,
  );
}

try {
  await bootstrap();
} catch (error) {
  exitOnStartupError('city-worker', error);
}
