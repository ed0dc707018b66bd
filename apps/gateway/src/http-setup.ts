import { existsSync, readdirSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { join } from 'node:path';
import { Logger, ValidationPipe } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import express from 'express';
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
  // API answers change with every request (their timings): an ETag hashed the whole body for
  // nothing. The dashboard's files keep theirs (serve-static makes its own).
  app.set('etag', false);
  setUpSwagger(app);
  if (webDir !== undefined) serveDashboard(app, webDir);
}

/** The dashboard at `/`: its hashed assets cached for good, its page always asked again. */
function serveDashboard(app: NestExpressApplication, webDir: string): void {
  if (!existsSync(join(webDir, 'index.html'))) {
    new Logger('Dashboard').warn(`no dashboard in ${webDir}: run npm run build`);
    return;
  }
  const files = express.static(webDir, {
    index: 'index.html',
    setHeaders: (response: ServerResponse, path: string) => {
      response.setHeader(
        'Cache-Control',
        /[\\/]assets[\\/]/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    },
  });
  // Only paths into the dashboard's folder look on disk: a stat per API request was 4 % of the
  // gateway's CPU under 20 clients reading reports.
  const entries = new Set(readdirSync(webDir));
  app.use((request: express.Request, response: express.Response, next: express.NextFunction) => {
    const first = request.path.split('/', 2)[1] ?? '';
    if (first === '' || entries.has(first)) files(request, response, next);
    else next();
  });
}
