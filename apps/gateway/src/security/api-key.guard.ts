import { timingSafeEqual } from 'node:crypto';
import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { SecurityConfig } from '../config/gateway-config.js';
import { SECURITY_CONFIG } from '../config/tokens.js';
import { GatewayError, GatewayErrorCode } from '../errors/gateway-errors.js';

/** With API_KEY set, a write must carry it in `x-api-key`; reads stay open. */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  private readonly key: Buffer | undefined;

  constructor(@Inject(SECURITY_CONFIG) config: SecurityConfig) {
    this.key = config.apiKey === undefined ? undefined : Buffer.from(config.apiKey);
  }

  canActivate(context: ExecutionContext): boolean {
    if (this.key === undefined) return true;
    const given = context.switchToHttp().getRequest<Request>().headers['x-api-key'];
    const candidate = Buffer.from(typeof given === 'string' ? given : '');
    if (candidate.length === this.key.length && timingSafeEqual(candidate, this.key)) return true;
    throw new GatewayError(
      401,
      GatewayErrorCode.Unauthorized,
      given === undefined ? 'this endpoint needs the header x-api-key' : 'the x-api-key is wrong',
    );
  }
}
