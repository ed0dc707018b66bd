import { ROLES, CITY_BOUND_ROLES, type Role } from '#platform';
import { GatewayError, GatewayErrorCode } from '../errors/gateway-errors.js';

/** What `POST /auth/login` takes. */
export interface Credentials {
  readonly username: string;
  readonly password: string;
}

/** What `POST /auth/tokens` takes. */
export interface TokenGrant {
  readonly name: string;
  readonly role: Role;
  readonly cities: readonly string[];
  readonly expiresInDays: number;
}

const MAX_FIELD = 256;
export const MAX_TOKEN_DAYS = 3650;

function invalid(message: string): GatewayError {
  return new GatewayError(400, GatewayErrorCode.InvalidBody, message);
}

function field(body: Record<string, unknown>, key: string): string {
  const value = body[key];
  if (typeof value !== 'string' || value === '' || value.length > MAX_FIELD) {
    throw invalid(`"${key}" must be a text of 1 to ${MAX_FIELD} characters`);
  }
  return value;
}

function objectOf(body: unknown): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw invalid('the body must be a JSON object');
  }
  return body as Record<string, unknown>;
}

export function credentialsOf(body: unknown): Credentials {
  const object = objectOf(body);
  return { username: field(object, 'username').trim(), password: field(object, 'password') };
}

/** A token request; `cities` are checked against the served ones by the caller. */
export function tokenGrantOf(body: unknown): TokenGrant {
  const object = objectOf(body);
  const role = object.role;
  if (!ROLES.includes(role as Role)) throw invalid(`"role" must be one of ${ROLES.join(', ')}`);
  const cities = object.cities ?? [];
  if (!Array.isArray(cities) || cities.some((city) => typeof city !== 'string')) {
    throw invalid('"cities" must be a list of city names');
  }
  if (CITY_BOUND_ROLES.includes(role as Role) && cities.length === 0) {
    throw invalid(`a ${String(role)} token needs at least one city in "cities"`);
  }
  const days = object.expiresInDays ?? 90;
  if (typeof days !== 'number' || !Number.isInteger(days) || days < 1 || days > MAX_TOKEN_DAYS) {
    throw invalid(`"expiresInDays" must be a whole number from 1 to ${MAX_TOKEN_DAYS}`);
  }
  const name = object.name === undefined ? `token-${String(role)}` : field(object, 'name');
  return { name, role: role as Role, cities: cities as string[], expiresInDays: days };
}
