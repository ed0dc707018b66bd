import { Inject, Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import type { SecurityConfig } from '../config/gateway-config.js';
import { SECURITY_CONFIG } from '../config/tokens.js';
import { GatewayError, GatewayErrorCode } from '../errors/gateway-errors.js';

/**
 * Answers only requests addressed to a host it is known by (ALLOWED_HOSTS). After DNS rebinding, a
 * page of `evil.example` reaches this gateway under its own name: `Origin` and `Host` then agree,
 * so the same-origin check alone lets it read and write. The host is checked first, on every route.
 */
@Injectable()
export class AllowedHosts implements NestMiddleware {
  constructor(@Inject(SECURITY_CONFIG) private readonly security: SecurityConfig) {}

  use(request: Request, _response: Response, next: NextFunction): void {
    const allowed = this.security.allowedHosts;
    const host = hostName(request.headers.host);
    if (allowed.length > 0 && (host === undefined || !allowed.includes(host))) {
      throw new GatewayError(
        403,
        GatewayErrorCode.HostNotAllowed,
        `this gateway does not answer to the host ${request.headers.host ?? '(none)'}: use one of ${allowed.join(', ')}, or add it to ALLOWED_HOSTS`,
      );
    }
    next();
  }
}

/** `Host` without its port, lower case: `[::1]:3000` is `[::1]`. */
function hostName(header: string | undefined): string | undefined {
  if (header === undefined || header === '') return undefined;
  try {
    return new URL(`http://${header}`).hostname.toLowerCase();
  } catch {
    return undefined;
  }
}
