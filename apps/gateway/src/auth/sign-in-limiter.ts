import { LRUCache } from 'lru-cache';

/** Failed sign-ins allowed for a name or a client before each further try must wait. */
export const FREE_ATTEMPTS = 5;
/** The longest wait: a guesser is slowed for ever, the real user is kept out a minute at most. */
export const MAX_WAIT_SECONDS = 60;
/** Failures older than this are forgotten. */
const MEMORY_MS = 15 * 60_000;

interface Failures {
  count: number;
  blockedUntil: number;
}

/**
 * Slows down password guessing, by the name tried and by the client trying: after
 * {@link FREE_ATTEMPTS} failures, each further one doubles the wait (1 s, 2 s, 4 s … up to
 * {@link MAX_WAIT_SECONDS}). Names that exist and names that do not are counted alike, so the
 * answers never tell them apart. Bounded: the oldest keys are dropped past 10 000.
 */
export class SignInLimiter {
  private readonly failures = new LRUCache<string, Failures>({ max: 10_000, ttl: MEMORY_MS });

  constructor(private readonly now: () => number = Date.now) {}

  /** Seconds to wait before trying again, or 0 when a try is allowed now. */
  waitSeconds(keys: readonly string[]): number {
    const now = this.now();
    const until = Math.max(0, ...keys.map((key) => this.failures.get(key)?.blockedUntil ?? 0));
    return until > now ? Math.ceil((until - now) / 1000) : 0;
  }

  failed(keys: readonly string[]): void {
    const now = this.now();
    for (const key of keys) {
      const entry = this.failures.get(key) ?? { count: 0, blockedUntil: 0 };
      entry.count += 1;
      if (entry.count >= FREE_ATTEMPTS) {
        const wait = Math.min(2 ** (entry.count - FREE_ATTEMPTS), MAX_WAIT_SECONDS);
        entry.blockedUntil = now + wait * 1000;
      }
      this.failures.set(key, entry);
    }
  }

  succeeded(keys: readonly string[]): void {
    for (const key of keys) this.failures.delete(key);
  }
}
