import { Body, Controller, Delete, Get, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AuditLog } from '../audit/audit-log.service.js';
import { auditEntry } from '../audit/audit-record.js';
import { clientOf } from '../shared/client-address.js';
import { Audited } from '../audit/audited.js';
import { CityRegistry } from '../cluster/city-registry.service.js';
import { GatewayError, GatewayErrorCode } from '../errors/gateway-errors.js';
import type { Access, Principal } from './access.js';
import {
  LoginDocs,
  LogoutDocs,
  MeDocs,
  TokenCreateDocs,
  TokenListDocs,
  TokenRevokeDocs,
} from './auth-docs.js';
import { credentialsOf, tokenGrantOf } from './auth-bodies.js';
import { Caller, Needs, Public } from './auth-decorators.js';
import { Authenticator, sessionIdOf, unauthenticated } from './authenticator.service.js';
import { SESSION_COOKIE } from './session-store.js';
import { SignInLimiter } from './sign-in-limiter.js';
import { TokenStore, type TokenListing } from './token-store.service.js';
import { UserDirectory } from './user-directory.service.js';

/** Who the caller is, as `GET /auth/me` and a sign-in answer it. */
export interface Me {
  /** `demo`: no users file, nobody signs in; `signed-in`: a user or a token. */
  readonly mode: 'demo' | 'signed-in';
  readonly name: string;
  readonly role: string;
  /** The cities a manager or importer is bound to; empty: every city. */
  readonly cities: readonly string[];
  readonly via: string;
}

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  private readonly limiter = new SignInLimiter();

  constructor(
    private readonly users: UserDirectory,
    private readonly authenticator: Authenticator,
    private readonly tokens: TokenStore,
    private readonly audit: AuditLog,
    private readonly registry: CityRegistry,
  ) {}

  @Post('login')
  @HttpCode(200)
  @Public()
  @LoginDocs()
  async login(
    @Body() body: unknown,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<Me> {
    if (!this.users.signInRequired) {
      throw new GatewayError(
        403,
        GatewayErrorCode.Forbidden,
        'demo mode: nobody signs in (set USERS_FILE to turn sign-in on)',
      );
    }
    const { username, password } = credentialsOf(body);
    const client = clientOf(request);
    const keys = [`user:${username.toLowerCase()}`, `client:${client}`];
    const wait = this.limiter.waitSeconds(keys);
    if (wait > 0) {
      response.setHeader('Retry-After', String(wait));
      throw new GatewayError(
        429,
        GatewayErrorCode.TooManyAttempts,
        `too many failed sign-ins: try again in ${wait} s`,
        { retryAfterSeconds: wait },
      );
    }
    const user = await this.users.verify(username, password);
    if (user === undefined) {
      this.limiter.failed(keys);
      await this.audit.record(
        auditEntry(request, client, undefined, 'sign-in.failure', 401, null, username.slice(0, 64)),
      );
      throw unauthenticated('unknown user or wrong password');
    }
    this.limiter.succeeded(keys);
    // A new id at every sign-in: a session id planted before it is worth nothing after.
    const previous = sessionIdOf(request);
    if (previous !== undefined) this.authenticator.sessions.close(previous);
    const id = this.authenticator.sessions.open(user.name);
    response.cookie(SESSION_COOKIE, id, {
      httpOnly: true,
      sameSite: 'strict',
      secure: isHttps(request),
      path: '/',
      maxAge: this.authenticator.sessions.maxAgeSeconds * 1000,
    });
    const principal: Principal = {
      name: user.name,
      role: user.role,
      cities: user.cities,
      via: 'session',
    };
    await this.audit.record(auditEntry(request, client, principal, 'sign-in', 200, null));
    return meOf(principal);
  }

  @Post('logout')
  @HttpCode(204)
  @Public()
  @LogoutDocs()
  logout(@Req() request: Request, @Res({ passthrough: true }) response: Response): void {
    const id = sessionIdOf(request);
    if (id !== undefined) this.authenticator.sessions.close(id);
    response.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'strict', path: '/' });
  }

  @Get('me')
  @MeDocs()
  me(@Caller() access: Access): Me {
    return meOf(access.principal);
  }

  @Post('tokens')
  @Needs('admin')
  @Audited('token.create')
  @TokenCreateDocs()
  async createToken(
    @Body() body: unknown,
    @Caller() access: Access,
  ): Promise<TokenListing & { token: string }> {
    const grant = tokenGrantOf(body);
    const cities = this.registry.resolveAll(grant.cities.length > 0 ? grant.cities : undefined);
    const { token, record } = await this.tokens.create(
      {
        name: grant.name,
        role: grant.role,
        cities: grant.cities.length > 0 ? cities : [],
        createdBy: access.principal.name,
      },
      grant.expiresInDays,
    );
    return { ...record, token };
  }

  @Get('tokens')
  @Needs('admin')
  @TokenListDocs()
  listTokens(): TokenListing[] {
    return this.tokens.list();
  }

  @Delete('tokens/:id')
  @Needs('admin')
  @Audited('token.revoke')
  @TokenRevokeDocs()
  revokeToken(@Param('id') id: string): Promise<TokenListing> {
    return this.tokens.revoke(id);
  }
}

function meOf({ name, role, cities, via }: Principal): Me {
  return { mode: via === 'demo' ? 'demo' : 'signed-in', name, role, cities, via };
}

/** Behind a proxy that ends HTTPS, the proxy says so; the cookie is then Secure. */
function isHttps(request: Request): boolean {
  return request.secure || request.headers['x-forwarded-proto'] === 'https';
}
