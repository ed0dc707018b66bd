import { randomBytes } from 'node:crypto';
import { unwatchFile, watchFile } from 'node:fs';
import {
  Inject,
  Injectable,
  Logger,
  type OnModuleDestroy,
  type OnModuleInit,
} from '@nestjs/common';
import { hashPassword, readUsersFile, verifyPassword, type UserRecord } from '#platform';
import type { AuthConfig } from '../config/gateway-config.js';
import { AUTH_CONFIG } from '../config/tokens.js';

/** How often the users file is looked at for a change (it may sit on a mounted volume). */
const WATCH_MS = 2000;

/**
 * The users of USERS_FILE, read at start (a bad file stops the start) and again on SIGHUP or when
 * it changes; a bad file then keeps the users already read, and says why.
 */
@Injectable()
export class UserDirectory implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(UserDirectory.name);
  private users = new Map<string, UserRecord>();
  /** Checked when the name is unknown, so that a wrong name costs what a wrong password does. */
  private decoy = '';
  private readonly reload = (): void => {
    void this.load().catch((error: unknown) => {
      this.logger.error(`${String(error)}: the users read before stay in force`);
    });
  };

  constructor(@Inject(AUTH_CONFIG) private readonly config: AuthConfig) {}

  /** Whether people sign in (a users file is set), or everyone is let in (demo mode). */
  get signInRequired(): boolean {
    return this.config.usersFile !== undefined;
  }

  async onModuleInit(): Promise<void> {
    const path = this.config.usersFile;
    if (path === undefined) return;
    this.decoy = await hashPassword(randomBytes(16).toString('hex'));
    await this.load();
    process.on('SIGHUP', this.reload);
    watchFile(path, { interval: WATCH_MS }, this.reload);
  }

  onModuleDestroy(): void {
    if (this.config.usersFile === undefined) return;
    process.off('SIGHUP', this.reload);
    unwatchFile(this.config.usersFile, this.reload);
  }

  find(name: string): UserRecord | undefined {
    return this.users.get(name.toLowerCase());
  }

  /** The user whose name and password these are, or undefined; as slow either way. */
  async verify(name: string, password: string): Promise<UserRecord | undefined> {
    const user = this.find(name);
    const matches = await verifyPassword(password, user?.password ?? this.decoy);
    return matches ? user : undefined;
  }

  private async load(): Promise<void> {
    const path = this.config.usersFile!;
    const users = await readUsersFile(path);
    this.users = new Map(users.map((user) => [user.name.toLowerCase(), user]));
    this.logger.log(`${users.length} user${users.length === 1 ? '' : 's'} read from ${path}`);
  }
}
