import type { Request } from 'express';
import { currentRequestId } from '#platform';
import type { Principal } from '../auth/access.js';
import type { AuditAction, AuditEntry } from './audit-entry.js';

/** The entry for a request: who (when known), from where, what, and how it ended. */
export function auditEntry(
  request: Request,
  client: string,
  principal: Principal | undefined,
  action: AuditAction,
  status: number,
  outcome: Readonly<Record<string, unknown>> | null,
  user = principal?.name ?? '(anonyme)',
): AuditEntry {
  return {
    at: new Date().toISOString(),
    user,
    role: principal?.role ?? null,
    via: principal?.via ?? null,
    client,
    action,
    request: `${request.method} ${request.originalUrl.split('?')[0] ?? ''}`,
    status,
    requestId: currentRequestId() ?? null,
    outcome,
  };
}
