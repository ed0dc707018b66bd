import { UseGuards, applyDecorators } from '@nestjs/common';
import {
  ApiForbiddenResponse,
  ApiSecurity,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { errorSchema } from '../docs/error-schema.js';
import { ApiKeyGuard } from './api-key.guard.js';

export const API_KEY_SCHEME = 'api-key';

/** A write endpoint: the API key when one is set; the rate limit is `WriteRateLimit`'s. */
export function WriteEndpoint(): ClassDecorator & MethodDecorator {
  return applyDecorators(
    UseGuards(ApiKeyGuard),
    ApiSecurity(API_KEY_SCHEME),
    ApiUnauthorizedResponse({
      description: 'API_KEY is set and x-api-key is missing or wrong.',
      schema: errorSchema(401, 'UNAUTHORIZED', 'this endpoint needs the header x-api-key'),
    }),
    ApiForbiddenResponse({
      description:
        'CROSS_SITE_WRITE: sent by a page of another site (Origin or Sec-Fetch-Site): refused whatever API_KEY says.',
      schema: errorSchema(
        403,
        'CROSS_SITE_WRITE',
        "a write from another site's page is refused (Origin http://evil.example, Sec-Fetch-Site cross-site): write from this gateway's dashboard, or from a program",
      ),
    }),
    ApiTooManyRequestsResponse({
      description:
        'More than WRITES_PER_MINUTE writes from this client in a minute, wrong API keys included.',
      schema: errorSchema(
        429,
        'TOO_MANY_REQUESTS',
        'more than 120 writes in a minute from this client (WRITES_PER_MINUTE); wait, then retry',
      ),
    }),
  );
}
