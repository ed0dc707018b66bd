import { getJson } from './client.js';
import type { ApiErrorBody } from './types.js';

/** Who is using the page (`GET /auth/me`). */
export interface Me {
  readonly mode: 'demo' | 'signed-in';
  readonly name: string;
  readonly role: 'admin' | 'direction' | 'manager' | 'importer';
  /** Empty: every city. */
  readonly cities: readonly string[];
  readonly via: string;
}

/** The page's user, or undefined when nobody is signed in (sign-in is on and no session). */
export async function fetchMe(): Promise<Me | undefined> {
  const response = await fetch('/auth/me', { headers: { accept: 'application/json' } });
  if (response.status === 401) return undefined;
  if (!response.ok) throw new Error(`GET /auth/me answered ${response.status}`);
  return (await response.json()) as Me;
}

export type SignInResult =
  { readonly ok: true } | { readonly ok: false; readonly error: ApiErrorBody };

export async function signIn(username: string, password: string): Promise<SignInResult> {
  const response = await fetch('/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  return response.ok ? { ok: true } : { ok: false, error: (await response.json()) as ApiErrorBody };
}

export async function signOut(): Promise<void> {
  await fetch('/auth/logout', { method: 'POST' });
}

/** One entry of `GET /audit`. */
export interface AuditEntry {
  readonly at: string;
  readonly user: string;
  readonly role: string | null;
  readonly action: string;
  readonly request: string;
  readonly status: number;
  readonly client: string;
  readonly outcome: Readonly<Record<string, unknown>> | null;
}

export interface AuditPage {
  readonly total: number;
  readonly offset: number;
  readonly entries: readonly AuditEntry[];
}

export function fetchAudit(offset: number, limit: number): Promise<AuditPage> {
  return getJson(`/audit?offset=${offset}&limit=${limit}`);
}
