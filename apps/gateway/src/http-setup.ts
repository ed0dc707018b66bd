import { existsSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { join } from 'node:path';
import { Logger, ValidationPipe } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import helmet from 'helmet';
import { invalidQuery } from './errors/gateway-errors.js';
import { RequestObserver } from './metrics/request-observer.js';
import { setUpSwagger } from './swagger.js';

/** Everything the HTTP app needs beside its module: main and the tests apply the same. */
export function configureHttp(app: NestExpressApplication, webDir?: string): void {
  app.use(app.get(RequestObserver).handle);
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
  setUpSwagger(app);
  if (webDir !== undefined) serveDashboard(app, webDir);
}

/** The dashboard at `/`: its hashed assets cached for good, its page always asked again. */
function serveDashboard(app: NestExpressApplication, webDir: string): void {
  if (!existsSync(join(webDir, 'index.html'))) {
    new Logger('Dashboard').warn(`no dashboard in ${webDir}: run npm run build`);
    return;
  }
  app.useStaticAssets(webDir, {
    index: 'index.html',
    setHeaders: (response: ServerResponse, path: string) => {
      response.setHeader(
        'Cache-Control',
        /[\\/]assets[\\/]/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    },
  });
}
