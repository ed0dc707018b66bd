import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { join } from 'node:path';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { Role } from '#platform';
import type { AuthConfig } from '../config/gateway-config.js';
import { AUTH_CONFIG } from '../config/tokens.js';
import { GatewayError, GatewayErrorCode } from '../errors/gateway-errors.js';
import { readIfExists, replaceDurably } from '../shared/durable-file.js';

/** What is kept of a token: never the token itself, only its SHA-256. */
export interface TokenRecord {
  readonly id: string;
  readonly name: string;
  readonly role: Role;
  readonly cities: readonly string[];
  readonly createdAt: string;
  readonly createdBy: string;
  readonly expiresAt: string;
  readonly revokedAt: string | null;
  readonly sha256: string;
}

/** A token as listed: its record without the hash. */
export type TokenListing = Omit<TokenRecord, 'sha256'>;

/** Tokens read `act_<id>_<secret>`: the id finds the record, the secret is checked against it. */
const TOKEN = /^act_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$/;

/**
 * API tokens for scripts, kept in GATEWAY_DATA_DIR/tokens.json. The secret is 256 random bits,
 * so one SHA-256 is enough to store it (a slow hash protects guessable passwords, not this).
 */
@Injectable()
export class TokenStore implements OnModuleInit {
  private readonly path: string;
  private tokens: TokenRecord[] = [];

  constructor(@Inject(AUTH_CONFIG) config: AuthConfig) {
    this.path = join(config.dataDir, 'tokens.json');
  }

  async onModuleInit(): Promise<void> {
    const text = await readIfExists(this.path);
    this.tokens = text === undefined ? [] : (JSON.parse(text) as { tokens: TokenRecord[] }).tokens;
  }

  /** Creates a token; the answer is the only place its secret ever appears. */
  async create(
    grant: Pick<TokenRecord, 'name' | 'role' | 'cities' | 'createdBy'>,
    expiresInDays: number,
    now = new Date(),
  ): Promise<{ token: string; record: TokenListing }> {
    const id = randomBytes(8).toString('hex');
    const secret = randomBytes(32).toString('base64url');
    const record: TokenRecord = {
      id,
      ...grant,
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + expiresInDays * 86_400_000).toISOString(),
      revokedAt: null,
      sha256: digest(secret),
    };
    await this.save([...this.tokens, record]);
    return { token: `act_${id}_${secret}`, record: listing(record) };
  }

  list(): TokenListing[] {
    return this.tokens.map(listing);
  }

  async revoke(id: string, now = new Date()): Promise<TokenListing> {
    const found = this.tokens.find((token) => token.id === id);
    if (found === undefined) {
      throw new GatewayError(404, GatewayErrorCode.TokenNotFound, `no token "${id}"`, { id });
    }
    if (found.revokedAt !== null) return listing(found);
    const revoked = { ...found, revokedAt: now.toISOString() };
    await this.save(this.tokens.map((token) => (token === found ? revoked : token)));
    return listing(revoked);
  }

  /** The live token `presented` is, or undefined (unknown, wrong, expired or revoked). */
  verify(presented: string, now = Date.now()): TokenRecord | undefined {
    const match = TOKEN.exec(presented);
    if (match === null) return undefined;
    const record = this.tokens.find((token) => token.id === match[1]);
    if (record === undefined) return undefined;
    const given = Buffer.from(digest(match[2]!), 'hex');
    const kept = Buffer.from(record.sha256, 'hex');
    if (given.length !== kept.length || !timingSafeEqual(given, kept)) return undefined;
    if (record.revokedAt !== null || Date.parse(record.expiresAt) <= now) return undefined;
    return record;
  }

  private async save(tokens: TokenRecord[]): Promise<void> {
    await replaceDurably(this.path, `${JSON.stringify({ tokens }, null, 2)}\n`);
    this.tokens = tokens;
  }
}

function digest(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** The record as listed: everything but the hash. */
function listing(record: TokenRecord): TokenListing {
  const { id, name, role, cities, createdAt, createdBy, expiresAt, revokedAt } = record;
  return { id, name, role, cities, createdAt, createdBy, expiresAt, revokedAt };
}
