import {
  Injectable,
  SetMetadata,
  UseInterceptors,
  applyDecorators,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { catchError, from, mergeMap, type Observable } from 'rxjs';
import type { WithAccess } from '../auth/auth-decorators.js';
import { GatewayError } from '../errors/gateway-errors.js';
import type { AuditAction } from './audit-entry.js';
import { AuditLog } from './audit-log.service.js';
import { clientOf } from '../shared/client-address.js';
import { auditEntry } from './audit-record.js';

const AUDIT_ACTION = 'autoconnect:audit';

/** Every call of the route is in the audit trail, answered or refused, with its counts. */
export function Audited(action: AuditAction): ClassDecorator & MethodDecorator {
  return applyDecorators(SetMetadata(AUDIT_ACTION, action), UseInterceptors(AuditWrites));
}

/** Records the call once the handler ended, before the client gets the answer. */
@Injectable()
export class AuditWrites implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly audit: AuditLog,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const action = this.reflector.get<AuditAction>(AUDIT_ACTION, context.getHandler());
    const http = context.switchToHttp();
    const request = http.getRequest<Request & WithAccess>();
    const client = clientOf(request);
    const record = (status: number, outcome: unknown): Promise<void> =>
      this.audit.record(
        auditEntry(request, client, request.access?.principal, action, status, outcomeOf(outcome)),
      );
    return next.handle().pipe(
      mergeMap((answer: unknown) =>
        from(record(http.getResponse<Response>().statusCode, answer).then(() => answer)),
      ),
      catchError((error: unknown) =>
        from(
          record(
            error instanceof GatewayError ? error.status : 500,
            error instanceof GatewayError ? { code: error.code, ...error.details } : undefined,
          ).then(() => {
            throw error;
          }),
        ),
      ),
    );
  }
}

/** What of an answer the trail keeps: counts and names, never the rows or their errors. */
function outcomeOf(answer: unknown): Record<string, unknown> | null {
  if (typeof answer !== 'object' || answer === null) return null;
  const kept = Object.entries(answer).filter(
    ([key, value]) =>
      !['errors', 'warnings', 'outcome', 'token'].includes(key) &&
      (typeof value !== 'object' || Array.isArray(value)) &&
      !(Array.isArray(value) && value.some((item) => typeof item === 'object')),
  );
  return Object.fromEntries(kept);
}
