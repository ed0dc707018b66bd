import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Transport, type MicroserviceOptions } from '@nestjs/microservices';
import {
  BlockFrameNatsDeserializer,
  NestPinoLogger,
  createProcessLogger,
  natsConnection,
  tcpLinkOptions,
} from '#platform';
import { CityWorkerModule } from './city-worker.module.js';
import type { ShardWriter } from './shard/shard-writer.js';
import { warmUpIngest } from './warm-up.js';
import { ensureSoleInstance } from './sole-instance.js';
import type { WorkerConfig } from './worker-config.js';

function transportOptions(config: WorkerConfig): MicroserviceOptions {
  if (config.transport === 'nats') {
    return {
      transport: Transport.NATS,
      options: {
        ...natsConnection(config.natsUrl, `worker-${config.city}`, config.natsCredentials),
        deserializer: new BlockFrameNatsDeserializer(),
      },
    };
  }
  return { transport: Transport.TCP, options: tcpLinkOptions(config.host, config.port) };
}

/**
 * Starts a city worker process: refuses to start beside another worker of its city, recovers the
 * shard, then listens. A shard write that fails stops the process: a restart serves the shard's
 * truth, never rows memory holds and the disk does not.
 */
export async function runWorker(config: WorkerConfig, shardWriter?: ShardWriter): Promise<void> {
  const processLogger = new NestPinoLogger(
    createProcessLogger(config.logging, `worker-${config.city}`),
  );
  Logger.overrideLogger(processLogger);
  const logger = new Logger('CityWorker');
  await ensureSoleInstance(config);
  const app = await NestFactory.createMicroservice<MicroserviceOptions>(
    CityWorkerModule.forRoot({
      config,
      shardWriter,
      onFatal: (error) => {
        logger.fatal(`${error.message}; stopping`);
        process.exit(1);
      },
    }),
    // A refusal to start reaches main, which prints it as one plain line (exitOnStartupError).
    { ...transportOptions(config), logger: processLogger, abortOnError: false },
  );
  app.enableShutdownHooks();
  warmUpIngest(config);
  await app.listen();
  const where = config.transport === 'nats' ? config.natsUrl : `${config.host}:${config.port}`;
  logger.log(`${config.city} worker listening over ${config.transport} on ${where}`);
}
