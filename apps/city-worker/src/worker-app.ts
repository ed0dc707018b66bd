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
import { cityKey } from '#contracts';
import { CityWorkerModule } from './city-worker.module.js';
import { openCityStream } from './replica/city-stream.js';
import type { ShardWriter } from './shard/shard-writer.js';
import { warmUpIngest } from './warm-up.js';
import { ensureSoleInstance } from './sole-instance.js';
import type { WorkerConfig } from './worker-config.js';

function transportOptions(config: WorkerConfig, replica: boolean): MicroserviceOptions {
  if (config.transport === 'nats') {
    return {
      transport: Transport.NATS,
      options: {
        ...natsConnection(config.natsUrl, `worker-${config.city}`, config.natsCredentials),
        deserializer: new BlockFrameNatsDeserializer(),
        // Replicas of a city share its subjects: each request goes to one of them.
        ...(replica ? { queue: `replicas.${cityKey(config.city)}` } : {}),
      },
    };
  }
  return { transport: Transport.TCP, options: tcpLinkOptions(config.host, config.port) };
}

/**
 * Starts a city worker process. Over NATS with JetStream, it is one of its city's replicas (it
 * applies the city's stream, then listens beside the others); otherwise it is its city's only
 * worker: it refuses to start beside another, recovers the shard, then listens. A shard write
 * that fails stops the process: a restart serves the shard's truth, never rows memory holds and
 * the disk does not.
 */
export async function runWorker(config: WorkerConfig, shardWriter?: ShardWriter): Promise<void> {
  const processLogger = new NestPinoLogger(
    createProcessLogger(config.logging, `worker-${config.city}`),
  );
  Logger.overrideLogger(processLogger);
  const logger = new Logger('CityWorker');
  const stream = await openCityStream(config);
  if (stream === undefined) await ensureSoleInstance(config);
  const app = await NestFactory.createMicroservice<MicroserviceOptions>(
    CityWorkerModule.forRoot({
      config,
      shardWriter,
      stream,
      onFatal: (error) => {
        logger.fatal(`${error.message}; stopping`);
        process.exit(1);
      },
    }),
    // A refusal to start reaches main, which prints it as one plain line (exitOnStartupError).
    {
      ...transportOptions(config, stream !== undefined),
      logger: processLogger,
      abortOnError: false,
    },
  );
  app.enableShutdownHooks();
  warmUpIngest(config);
  await app.listen();
  const where = config.transport === 'nats' ? config.natsUrl : `${config.host}:${config.port}`;
  const role = stream === undefined ? 'worker' : `replica (stream ${stream.name})`;
  logger.log(`${config.city} ${role} listening over ${config.transport} on ${where}`);
}
