import type { Credential } from '../auth/access.js';

/** What the audit trail records. */
export const AUDIT_ACTIONS = [
  'import',
  'transactions.record',
  'transaction.replace',
  'transaction.delete',
  'targets.import',
  'target.delete',
  'review.send',
  'token.create',
  'token.revoke',
  'sign-in',
  'sign-in.failure',
  'refused',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** One line of the audit trail: who did what, when, from where, and how it ended. */
export interface AuditEntry {
  readonly at: string;
  /** The user, token name or `api-key`; for a failed sign-in, the name tried. */
  readonly user: string;
  readonly role: string | null;
  readonly via: Credential | null;
  /** The client's address as the gateway saw it. */
  readonly client: string;
  readonly action: AuditAction;
  /** `METHOD /path` of the request. */
  readonly request: string;
  readonly status: number;
  readonly requestId: string | null;
  /** The counts of an import, or what a correction or a token concerned. */
  readonly outcome: Readonly<Record<string, unknown>> | null;
}
