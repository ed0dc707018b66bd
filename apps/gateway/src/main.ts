import 'reflect-metadata';
import { Logger, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import helmet from 'helmet';
import { Transport, type MicroserviceOptions } from '@nestjs/microservices';
import { exitOnStartupError, natsConnection } from '#platform';
import { readGatewayConfig } from './config/gateway-config.js';
import { invalidQuery } from './errors/gateway-errors.js';
import { GatewayModule } from './gateway.module.js';
import { setUpSwagger } from './swagger.js';

async function bootstrap(): Promise<void> {
  const config = readGatewayConfig(process.env);
  const app = await NestFactory.create<NestExpressApplication>(GatewayModule.forConfig(config));
  // 10 000 transactions of ~200 bytes each fit; CSV bodies are streamed, never parsed here.
  app.useBodyParser('json', { limit: '8mb' });
  // Swagger UI runs an inline script and inline styles; nothing else is allowed inline. The
  // gateway is often reached over plain HTTP inside a network: requests must not be upgraded.
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          scriptSrc: ["'self'", "'unsafe-inline'"],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:'],
          upgradeInsecureRequests: null,
        },
      },
    }),
  );
  app.useGlobalPipes(
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      exceptionFactory: invalidQuery,
    }),
  );
  app.enableShutdownHooks();
  setUpSwagger(app);
  if (config.transport === 'nats') {
    // The workers' heartbeats reach the gateway over NATS: that is how it discovers cities.
    app.connectMicroservice<MicroserviceOptions>({
      transport: Transport.NATS,
      options: natsConnection(config.natsUrl, 'gateway-discovery'),
    });
    await app.startAllMicroservices();
  }
  await app.listen(config.port);
  const cities = config.cities.map(({ city }) => city).join(', ');
  new Logger('Gateway').log(
    `listening on http://localhost:${config.port} (docs: /docs), ${cities} over ${config.transport}`,
  );
}

try {
  await bootstrap();
} catch (error) {
  exitOnStartupError('gateway', error);
}
