import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Transport, type MicroserviceOptions } from '@nestjs/microservices';
import {
  NestPinoLogger,
  StartupRefusal,
  createProcessLogger,
  exitOnStartupError,
  natsConnection,
} from '#platform';
import { readGatewayConfig } from './config/gateway-config.js';
import { startLine } from './start-line.js';
import { GatewayModule } from './gateway.module.js';
import { configureHttp } from './http-setup.js';

async function bootstrap(): Promise<void> {
  const config = readGatewayConfig(process.env);
  // An open dashboard holds a /events stream for ever: without this, a stop would wait for it.
  const app = await NestFactory.create<NestExpressApplication>(GatewayModule.forConfig(config), {
    forceCloseConnections: true,
    logger: new NestPinoLogger(createProcessLogger(config.logging, 'gateway')),
    abortOnError: false,
  });
  configureHttp(app, config.webDir);
  app.enableShutdownHooks();
  const { cluster } = config;
  if (cluster.transport === 'nats') {
    // The workers' heartbeats reach the gateway over NATS: that is how it discovers cities.
    app.connectMicroservice<MicroserviceOptions>({
      transport: Transport.NATS,
      options: natsConnection(cluster.natsUrl, 'gateway-discovery', cluster.natsCredentials),
    });
    await app.startAllMicroservices();
  }
  try {
    await (config.host === undefined
      ? app.listen(config.port)
      : app.listen(config.port, config.host));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new StartupRefusal(
        `port ${config.port} is taken by another program: stop it, or start with another PORT`,
      );
    }
    throw error;
  }
  new Logger('Gateway').log(startLine(config));
}

try {
  await bootstrap();
} catch (error) {
  exitOnStartupError('gateway', error);
}
