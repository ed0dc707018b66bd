import { join } from 'node:path';
import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type { AuthConfig } from '../config/gateway-config.js';
import { AUTH_CONFIG } from '../config/tokens.js';
import { appendDurably, readIfExists } from '../shared/durable-file.js';
import type { AuditEntry } from './audit-entry.js';

/** A page of the trail, newest first. */
export interface AuditPage {
  readonly total: number;
  readonly offset: number;
  readonly entries: readonly AuditEntry[];
}

/**
 * The audit trail: one JSON line per entry in GATEWAY_DATA_DIR/audit.jsonl, on disk before the
 * request is answered; read back whole at start (writes are a few a day: megabytes in years).
 */
@Injectable()
export class AuditLog implements OnModuleInit {
  private readonly logger = new Logger(AuditLog.name);
  private readonly entries: AuditEntry[] = [];
  private readonly path: string;
  /** Appends one after the other, so the file keeps the order of the list. */
  private tail: Promise<void> = Promise.resolve();

  constructor(@Inject(AUTH_CONFIG) config: AuthConfig) {
    this.path = join(config.dataDir, 'audit.jsonl');
  }

  async onModuleInit(): Promise<void> {
    const text = await readIfExists(this.path);
    if (text === undefined) return;
    for (const line of text.split('\n')) {
      if (line.trim() === '') continue;
      try {
        this.entries.push(JSON.parse(line) as AuditEntry);
      } catch {
        // A line torn by a crash mid-append: the entries before and after it stand.
        this.logger.warn(`an unreadable line of ${this.path} is skipped`);
      }
    }
  }

  /**
   * Records `entry`; resolves once it is on disk. A failed write is logged as an error, never
   * thrown: the request it records has already happened.
   */
  record(entry: AuditEntry): Promise<void> {
    this.entries.push(entry);
    this.tail = this.tail
      .then(() => appendDurably(this.path, JSON.stringify(entry)))
      .catch((error: unknown) => {
        this.logger.error(`the audit trail could not be written to ${this.path}: ${String(error)}`);
      });
    return this.tail;
  }

  page(offset: number, limit: number): AuditPage {
    const total = this.entries.length;
    // Newest first: the page is cut from the end of the list, then turned round.
    const end = Math.max(0, total - offset);
    const entries = this.entries.slice(Math.max(0, end - limit), end).reverse();
    return { total, offset, entries };
  }
}
