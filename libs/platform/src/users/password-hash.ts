import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * Passwords are kept as `scrypt$<log2 N>$<r>$<p>$<salt>$<key>` (base64url): the parameters travel
 * with each hash, so raising them later leaves the old hashes readable. N = 2^15, r = 8 takes
 * 32 MiB and about 0.1 s a check here: slow for a guesser, unnoticed at a sign-in.
 */
const SCHEME = 'scrypt';
const LOG_N = 15;
const BLOCK_SIZE = 8;
const PARALLEL = 1;
const KEY_BYTES = 32;
const SALT_BYTES = 16;

function derive(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  // scrypt needs 128·N·r bytes; Node refuses above its 32 MiB default unless told.
  const maxmem = 256 * (options.N ?? 0) * (options.r ?? 0);
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, KEY_BYTES, { ...options, maxmem }, (error, key) => {
      if (error === null) resolve(key);
      else reject(error);
    });
  });
}

/** A new hash of `password`, with a random salt. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, { N: 2 ** LOG_N, r: BLOCK_SIZE, p: PARALLEL });
  return [
    SCHEME,
    LOG_N,
    BLOCK_SIZE,
    PARALLEL,
    salt.toString('base64url'),
    key.toString('base64url'),
  ].join('$');
}

interface ParsedHash {
  readonly options: ScryptOptions;
  readonly salt: Buffer;
  readonly key: Buffer;
}

/** The parts of a stored hash, or undefined when it is not one this module makes. */
function parseHash(encoded: string): ParsedHash | undefined {
  const [scheme, logN, r, p, salt, key, ...rest] = encoded.split('$');
  if (scheme !== SCHEME || rest.length > 0 || salt === undefined || key === undefined) {
    return undefined;
  }
  const numbers = [logN, r, p].map(Number);
  const [n, blockSize, parallel] = numbers as [number, number, number];
  if (!numbers.every(Number.isInteger) || n < 10 || n > 20 || blockSize < 1 || parallel < 1) {
    return undefined;
  }
  return {
    options: { N: 2 ** n, r: blockSize, p: parallel },
    salt: Buffer.from(salt, 'base64url'),
    key: Buffer.from(key, 'base64url'),
  };
}

/** Whether `encoded` is a password hash this module can check. */
export function isPasswordHash(encoded: string): boolean {
  return parseHash(encoded) !== undefined;
}

/** Whether `password` is the one `encoded` was made from; compared in constant time. */
export async function verifyPassword(password: string, encoded: string): Promise<boolean> {
  const parsed = parseHash(encoded);
  if (parsed === undefined) return false;
  const key = await derive(password, parsed.salt, parsed.options);
  return key.length === parsed.key.length && timingSafeEqual(key, parsed.key);
}
