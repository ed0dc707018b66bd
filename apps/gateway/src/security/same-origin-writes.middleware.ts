import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { GatewayError, GatewayErrorCode } from '../errors/gateway-errors.js';

/**
 * Refuses a write sent by a page of another site, whatever API_KEY says: a `text/plain` or
 * multipart POST needs no preflight, so without this any page a user visits could write data
 * through the user's browser. Browsers say where a request comes from (`Sec-Fetch-Site`, `Origin`);
 * programs (curl, scripts) send neither and pass; the dashboard is same-origin and passes.
 */
@Injectable()
export class SameOriginWrites implements NestMiddleware {
  use(request: Request, _response: Response, next: NextFunction): void {
    const site = request.headers['sec-fetch-site'];
    const origin = request.headers.origin;
    if (
      site === 'cross-site' ||
      site === 'same-site' ||
      (origin !== undefined && !sameHost(origin, request))
    ) {
      throw new GatewayError(
        403,
        GatewayErrorCode.CrossSiteWrite,
        `a write from another site's page is refused (Origin ${origin ?? 'not given'}, Sec-Fetch-Site ${site ?? 'not given'}): write from this gateway's dashboard, or from a program`,
      );
    }
    next();
  }
}

function sameHost(origin: string, request: Request): boolean {
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}
