import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { API_KEY_SCHEME } from './security/write-endpoint.js';

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
      .addApiKey({ type: 'apiKey', in: 'header', name: 'x-api-key' }, API_KEY_SCHEME)
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
}
