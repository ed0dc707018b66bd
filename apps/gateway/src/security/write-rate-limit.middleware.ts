import { Inject, Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { rateLimit } from 'express-rate-limit';
import type { SecurityConfig } from '../config/gateway-config.js';
import { SECURITY_CONFIG } from '../config/tokens.js';
import { GatewayError, GatewayErrorCode } from '../errors/gateway-errors.js';

/**
 * WRITES_PER_MINUTE per client on the write endpoints, counted before the API key is checked, so
 * that a key cannot be guessed at full speed. Middleware rather than a guard: guards run in
 * order after middleware, and @nestjs/throttler (CommonJS requiring ESM-only Nest 12) could not
 * be loaded by the in-process tests on Node 20.
 */
@Injectable()
export class WriteRateLimit implements NestMiddleware {
  private readonly limiter: RequestHandler;

  constructor(@Inject(SECURITY_CONFIG) config: SecurityConfig) {
    this.limiter = rateLimit({
      windowMs: 60_000,
      limit: config.writesPerMinute,
      standardHeaders: 'draft-7',
      legacyHeaders: false,
      handler: (_request, _response, next) => {
        next(
          new GatewayError(
            429,
            GatewayErrorCode.TooManyRequests,
            `more than ${config.writesPerMinute} writes in a minute from this client (WRITES_PER_MINUTE); wait, then retry`,
          ),
        );
      },
    });
  }

  /** Resolves to let the request through; rejects (to the error filter) when over the limit. */
  use(request: Request, response: Response, next: NextFunction): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      void this.limiter(request, response, (error?: unknown) => {
        if (error === undefined) {
          next();
          resolve();
        } else {
          reject(error instanceof Error ? error : new Error('the rate limiter failed'));
        }
      });
    });
  }
}
