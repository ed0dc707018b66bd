import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { SESSION_COOKIE } from './auth/session-store.js';

/** Swagger UI at /docs, the OpenAPI document at /docs-json. */
export function setUpSwagger(app: INestApplication): void {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('AutoConnect Analytics')
      .setDescription(
        'Sales and rental reports of AutoConnect Solutions, computed by one worker per city and joined by this gateway. ' +
          'Money is in euros, months are YYYY-MM; metric definitions: docs/metrics.md. ' +
          'Every error body is {statusCode, code, message, ...details}.',
      )
      .setVersion('1.0')
      // Any one of these: "Authorize" in Swagger UI takes a token or the API key; a page signed
      // in sends its cookie by itself.
      .addBearerAuth(
        {
          type: 'http',
          scheme: 'bearer',
          description: 'An API token (POST /auth/tokens), or API_KEY',
        },
        'bearer',
      )
      .addApiKey(
        { type: 'apiKey', in: 'header', name: 'x-api-key', description: 'API_KEY' },
        'api-key',
      )
      .addCookieAuth(
        SESSION_COOKIE,
        { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
        'session',
      )
      .addSecurityRequirements('bearer')
      .addSecurityRequirements('api-key')
      .addSecurityRequirements('session')
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
}
