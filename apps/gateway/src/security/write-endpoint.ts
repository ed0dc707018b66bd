import { applyDecorators } from '@nestjs/common';
import {
  ApiForbiddenResponse,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { AuditAction } from '../audit/audit-entry.js';
import { Audited } from '../audit/audited.js';
import { Needs } from '../auth/auth-decorators.js';
import { errorSchema } from '../docs/error-schema.js';

/**
 * A write endpoint: for admins and importers (in demo mode, anyone, or the API_KEY holder when
 * it is set), recorded in the audit trail; the rate limit is `WriteRateLimit`'s.
 */
export function WriteEndpoint(action: AuditAction): MethodDecorator {
  return applyDecorators(
    Needs('write'),
    Audited(action),
    ApiUnauthorizedResponse({
      description:
        'UNAUTHENTICATED: no credential (or a wrong, expired or revoked one); in demo mode, API_KEY is set and x-api-key is missing or wrong.',
      schema: errorSchema(
        401,
        'UNAUTHENTICATED',
        'sign in first (POST /auth/login), or send Authorization: Bearer <token>',
      ),
    }),
    ApiForbiddenResponse({
      description:
        'FORBIDDEN: the role does not write (direction, manager). FORBIDDEN_CITY: a city the credential may not write (rows of such a city in an import are refused by line with this code instead). CROSS_SITE_WRITE: sent by a page of another site (Origin or Sec-Fetch-Site), refused whatever the credential.',
      schema: errorSchema(
        403,
        'CROSS_SITE_WRITE',
        "a write from another site's page is refused (Origin http://evil.example, Sec-Fetch-Site cross-site): write from this gateway's dashboard, or from a program",
      ),
    }),
    ApiTooManyRequestsResponse({
      description:
        'More than WRITES_PER_MINUTE writes from this client in a minute, refused ones included.',
      schema: errorSchema(
        429,
        'TOO_MANY_REQUESTS',
        'more than 120 writes in a minute from this client (WRITES_PER_MINUTE); wait, then retry',
      ),
    }),
  );
}
