import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { AuditLog } from '../audit/audit-log.service.js';
import { auditEntry } from '../audit/audit-record.js';
import { clientOf } from '../shared/client-address.js';
import { GatewayError, GatewayErrorCode } from '../errors/gateway-errors.js';
import { DEMO_ACCESS, type Access, type Need } from './access.js';
import { NEED, type RouteNeed, type WithAccess } from './auth-decorators.js';
import { Authenticator, unauthenticated } from './authenticator.service.js';
import { UserDirectory } from './user-directory.service.js';
import type { SecurityConfig } from '../config/gateway-config.js';
import { SECURITY_CONFIG } from '../config/tokens.js';

/**
 * Every HTTP route but the public ones: who the caller is, and whether their role may do what
 * the route does; the city by city rule is the services' (`Access.scope`). Without a users file
 * (demo mode) everyone reads and, unless API_KEY is set, writes.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly apiKeySet: boolean;

  constructor(
    private readonly reflector: Reflector,
    private readonly authenticator: Authenticator,
    private readonly users: UserDirectory,
    private readonly audit: AuditLog,
    @Inject(SECURITY_CONFIG) security: SecurityConfig,
  ) {
    this.apiKeySet = security.apiKey !== undefined;
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    // The workers' heartbeats (NATS) are the broker's to authorise, not this guard's.
    if (context.getType() !== 'http') return true;
    const need =
      this.reflector.getAllAndOverride<RouteNeed | undefined>(NEED, [
        context.getHandler(),
        context.getClass(),
      ]) ?? 'read';
    if (need === 'public') return true;
    const request = context.switchToHttp().getRequest<Request & WithAccess>();
    const identified = this.authenticator.identify(request);
    const access = this.accessOf(identified, need);
    if (!access.allows(need)) {
      const { name, role } = access.principal;
      const refusal = new GatewayError(
        403,
        GatewayErrorCode.Forbidden,
        `${name} (${role}) may not ${need === 'admin' ? 'do this: it is for admins' : 'write: it is for admins and importers'}`,
      );
      await this.refused(request, access, refusal);
      throw refusal;
    }
    request.access = access;
    return true;
  }

  private accessOf(identified: Access | undefined, need: Need): Access {
    const writes = need === 'write' || need === 'admin';
    if (!this.users.signInRequired) {
      if (identified !== undefined) return identified;
      if (writes && this.apiKeySet) {
        throw unauthenticated('API_KEY is set: this endpoint needs the header x-api-key');
      }
      return DEMO_ACCESS;
    }
    if (identified === undefined) {
      throw unauthenticated(
        'sign in first (POST /auth/login), or send Authorization: Bearer <token>',
      );
    }
    return identified;
  }

  private refused(request: Request, access: Access, refusal: GatewayError): Promise<void> {
    return this.audit.record(
      auditEntry(request, clientOf(request), access.principal, 'refused', refusal.status, {
        code: refusal.code,
      }),
    );
  }
}
