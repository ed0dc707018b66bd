import { createHash, randomBytes } from 'node:crypto';

/** The cookie that carries a signed-in page's session. */
export const SESSION_COOKIE = 'ac_session';

interface Session {
  readonly user: string;
  readonly createdAt: number;
  lastSeenAt: number;
}

/**
 * Signed-in sessions, in memory: a restart signs everyone out. Only a hash of each id is held,
 * so a memory dump gives no cookie to replay.
 */
export class SessionStore {
  private readonly sessions = new Map<string, Session>();

  constructor(
    private readonly idleMs: number,
    private readonly maxAgeMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** A new session for `user`: its id, for the cookie. */
  open(user: string): string {
    this.sweep();
    const id = randomBytes(32).toString('base64url');
    const now = this.now();
    this.sessions.set(key(id), { user, createdAt: now, lastSeenAt: now });
    return id;
  }

  /** The user of a live session, which this use keeps alive; undefined when closed or expired. */
  userOf(id: string): string | undefined {
    const k = key(id);
    const session = this.sessions.get(k);
    if (session === undefined) return undefined;
    const now = this.now();
    if (this.expired(session, now)) {
      this.sessions.delete(k);
      return undefined;
    }
    session.lastSeenAt = now;
    return session.user;
  }

  close(id: string): void {
    this.sessions.delete(key(id));
  }

  /** Seconds a new session may live: the cookie's Max-Age. */
  get maxAgeSeconds(): number {
    return Math.floor(this.maxAgeMs / 1000);
  }

  private sweep(): void {
    const now = this.now();
    for (const [k, session] of this.sessions) {
      if (this.expired(session, now)) this.sessions.delete(k);
    }
  }

  /** Unused for the idle time, or older than the absolute one. */
  private expired(session: Session, now: number): boolean {
    return now - session.lastSeenAt > this.idleMs || now - session.createdAt > this.maxAgeMs;
  }
}

function key(id: string): string {
  return createHash('sha256').update(id).digest('base64url');
}
