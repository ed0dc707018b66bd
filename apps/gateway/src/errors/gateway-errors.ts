import type { ValidationError } from 'class-validator';
import { DomainError, ErrorCode } from '#domain/model';

/** Codes the gateway adds to the domain's (`ErrorCode`); clients may switch on them. */
export const GatewayErrorCode = {
  CityUnavailable: 'CITY_UNAVAILABLE',
  PartialImport: 'PARTIAL_IMPORT',
  ImportTooLarge: 'IMPORT_TOO_LARGE',
  UnsupportedMediaType: 'UNSUPPORTED_MEDIA_TYPE',
  InvalidBody: 'INVALID_BODY',
  WorkerError: 'WORKER_ERROR',
  NothingImported: 'NOTHING_IMPORTED',
  NoRows: 'NO_ROWS',
  TooManyRequests: 'TOO_MANY_REQUESTS',
  TransactionNotFound: 'TRANSACTION_NOT_FOUND',
  CrossSiteWrite: 'CROSS_SITE_WRITE',
  HostNotAllowed: 'HOST_NOT_ALLOWED',
  /** No credential, or one that is wrong, expired or revoked. */
  Unauthenticated: 'UNAUTHENTICATED',
  /** The credential's role may not do this (a direction user writing, a manager reading /audit). */
  Forbidden: 'FORBIDDEN',
  /** A city the credential may not read (or write) was named. */
  ForbiddenCity: ErrorCode.ForbiddenCity,
  /** Too many failed sign-ins for this name or from this client: wait `retryAfterSeconds`. */
  TooManyAttempts: 'TOO_MANY_ATTEMPTS',
  TokenNotFound: 'TOKEN_NOT_FOUND',
  TargetNotFound: 'TARGET_NOT_FOUND',
  /** POST /reviews/send without SMTP_URL. */
  ReviewsNotConfigured: 'REVIEWS_NOT_CONFIGURED',
} as const;
export type GatewayErrorCode = (typeof GatewayErrorCode)[keyof typeof GatewayErrorCode];

/**
 * A failure the gateway answers with a given HTTP status and a body
 * `{statusCode, code, message, ...details}`.
 */
export class GatewayError extends Error {
  constructor(
    readonly status: number,
    readonly code: GatewayErrorCode,
    message: string,
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
    this.name = 'GatewayError';
  }
}

export function cityUnavailable(
  cities: readonly string[],
  reasons: readonly string[],
): GatewayError {
  return new GatewayError(
    503,
    GatewayErrorCode.CityUnavailable,
    `no answer from ${cities.join(', ')} (${reasons.join('; ')}); retry, or ask with partial=true`,
    { cities },
  );
}

/**
 * The ValidationPipe's answer, in the domain's words: only query strings go through it (bodies
 * have their own pipes), and an unknown or ill-typed parameter is an invalid query.
 */
export function invalidQuery(errors: ValidationError[]): DomainError {
  const parameter = errors[0]?.property ?? '?';
  const messages = errors.flatMap((error) => Object.values(error.constraints ?? {}));
  return new DomainError(
    ErrorCode.InvalidQuery,
    messages.join('; ').replace('property ', 'parameter '),
    {
      parameter,
    },
  );
}
