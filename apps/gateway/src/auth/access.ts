import type { Role } from '#platform';
import { GatewayError, GatewayErrorCode } from '../errors/gateway-errors.js';

/** How a request proved who it is. */
export type Credential = 'session' | 'token' | 'api-key' | 'demo' | 'internal';

/** Who is asking: a user of the users file, a token, the API key, or anyone in demo mode. */
export interface Principal {
  readonly name: string;
  readonly role: Role;
  /** The cities a manager or importer is bound to; empty for the roles that see every city. */
  readonly cities: readonly string[];
  readonly via: Credential;
  /** The token's id, when `via` is `token`. */
  readonly tokenId?: string;
}

/** What a route needs of its caller. */
export type Need = 'read' | 'write' | 'admin';

/** What one principal may read and write, city by city. */
export class Access {
  private readonly bound: ReadonlySet<string> | undefined;

  constructor(readonly principal: Principal) {
    const { role, cities } = principal;
    this.bound =
      role === 'manager' || role === 'importer'
        ? new Set(cities.map((city) => city.toLowerCase()))
        : undefined;
  }

  /** Whether the principal may do what a route of this kind does, for some city at least. */
  allows(need: Need): boolean {
    const { role } = this.principal;
    if (need === 'admin') return role === 'admin';
    if (need === 'write') return role === 'admin' || role === 'importer';
    return true;
  }

  /** Whether the principal sees every city, present and future. */
  get seesEveryCity(): boolean {
    return this.bound === undefined;
  }

  canRead(city: string): boolean {
    return this.bound === undefined || this.bound.has(city.toLowerCase());
  }

  canWrite(city: string): boolean {
    return this.allows('write') && this.canRead(city);
  }

  /**
   * The cities of a request, resolved: those it named must all be allowed (403 FORBIDDEN_CITY
   * otherwise); with none named, every city is narrowed to the allowed ones.
   */
  scope(cities: readonly string[], named: boolean, need: 'read' | 'write' = 'read'): string[] {
    const allowed = (city: string): boolean =>
      need === 'read' ? this.canRead(city) : this.canWrite(city);
    if (!named) return cities.filter(allowed);
    const refused = cities.filter((city) => !allowed(city));
    if (refused.length > 0) throw forbiddenCity(this.principal, refused, need);
    return [...cities];
  }
}

export function forbiddenCity(
  principal: Principal,
  cities: readonly string[],
  need: 'read' | 'write',
): GatewayError {
  const own = principal.cities.length > 0 ? principal.cities.join(', ') : 'none';
  return new GatewayError(
    403,
    GatewayErrorCode.ForbiddenCity,
    `${principal.name} (${principal.role}) may not ${need} ${cities.join(', ')}: ${need === 'read' ? 'readable' : 'writable'} cities: ${own}`,
    { cities },
  );
}

/** Everyone, everything: the gateway without a users file (loopback only). */
export const DEMO_ACCESS = new Access({ name: 'démo', role: 'admin', cities: [], via: 'demo' });

/** The gateway itself (seeding, health, metrics): every city. */
export const INTERNAL_ACCESS = new Access({
  name: 'gateway',
  role: 'admin',
  cities: [],
  via: 'internal',
});
