import { timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { parse as parseCookies } from 'cookie';
import type { Request } from 'express';
import type { AuthConfig, SecurityConfig } from '../config/gateway-config.js';
import { AUTH_CONFIG, SECURITY_CONFIG } from '../config/tokens.js';
import { GatewayError, GatewayErrorCode } from '../errors/gateway-errors.js';
import { Access } from './access.js';
import { SESSION_COOKIE, SessionStore } from './session-store.js';
import { TokenStore } from './token-store.service.js';
import { UserDirectory } from './user-directory.service.js';

/**
 * Tells who a request comes from. A credential that is given and wrong is refused (401), even
 * where a route would let anyone in, so that a script with a revoked token learns it at once.
 */
@Injectable()
export class Authenticator {
  private readonly apiKey: Buffer | undefined;
  readonly sessions: SessionStore;

  constructor(
    @Inject(SECURITY_CONFIG) security: SecurityConfig,
    @Inject(AUTH_CONFIG) auth: AuthConfig,
    private readonly users: UserDirectory,
    private readonly tokens: TokenStore,
  ) {
    this.apiKey = security.apiKey === undefined ? undefined : Buffer.from(security.apiKey);
    this.sessions = new SessionStore(auth.sessionIdleMs, auth.sessionMaxAgeMs);
  }

  /** The request's identity; undefined when it carries no credential at all. */
  identify(request: Request): Access | undefined {
    const bearer = bearerOf(request);
    const key = request.headers['x-api-key'];
    const given = bearer ?? (typeof key === 'string' ? key : undefined);
    if (given !== undefined) return this.byToken(given);
    const session = sessionIdOf(request);
    if (session === undefined) return undefined;
    const name = this.sessions.userOf(session);
    const user = name === undefined ? undefined : this.users.find(name);
    // A user removed from the file (or renamed) is out at once, whatever their cookie says.
    if (user === undefined) throw unauthenticated('the session is over: sign in again');
    return new Access({ name: user.name, role: user.role, cities: user.cities, via: 'session' });
  }

  private byToken(given: string): Access {
    if (sameSecret(given, this.apiKey)) {
      return new Access({ name: 'api-key', role: 'admin', cities: [], via: 'api-key' });
    }
    const token = this.tokens.verify(given);
    if (token === undefined) {
      throw unauthenticated('the token or key is unknown, expired or revoked');
    }
    return new Access({
      name: token.name,
      role: token.role,
      cities: token.cities,
      via: 'token',
      tokenId: token.id,
    });
  }
}

export function unauthenticated(message: string): GatewayError {
  return new GatewayError(401, GatewayErrorCode.Unauthenticated, message);
}

function bearerOf(request: Request): string | undefined {
  const header = request.headers.authorization;
  const match = header === undefined ? null : /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1];
}

export function sessionIdOf(request: Request): string | undefined {
  const header = request.headers.cookie;
  return header === undefined ? undefined : parseCookies(header)[SESSION_COOKIE];
}

/** Compared in constant time, also in length: the length of a secret is a secret too. */
function sameSecret(given: string, secret: Buffer | undefined): boolean {
  if (secret === undefined) return false;
  const candidate = Buffer.alloc(secret.length);
  const bytes = Buffer.from(given);
  bytes.copy(candidate, 0, 0, Math.min(bytes.length, secret.length));
  return timingSafeEqual(candidate, secret) && bytes.length === secret.length;
}
