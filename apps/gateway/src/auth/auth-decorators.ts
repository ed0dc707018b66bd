import {
  SetMetadata,
  createParamDecorator,
  type CustomDecorator,
  type ExecutionContext,
} from '@nestjs/common';
import type { Request } from 'express';
import type { Access, Need } from './access.js';

export const NEED = 'autoconnect:need';

/** What a route needs of its caller: `read` unless it says; `public` needs no credential. */
export type RouteNeed = Need | 'public';

export function Needs(need: RouteNeed): CustomDecorator {
  return SetMetadata(NEED, need);
}

/** A route anyone may call, signed in or not (health, sign-in). */
export const Public = (): CustomDecorator => Needs('public');

/** The request's access, as the guard established it. */
export interface WithAccess {
  access?: Access;
}

/** The caller's {@link Access}, set by `AuthGuard` on every guarded route. */
export const Caller = createParamDecorator((_: unknown, context: ExecutionContext): Access => {
  const access = context.switchToHttp().getRequest<Request & WithAccess>().access;
  if (access === undefined) throw new Error('Caller() on a route the AuthGuard did not see');
  return access;
});
