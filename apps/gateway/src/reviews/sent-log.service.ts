import { join } from 'node:path';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { AuthConfig } from '../config/gateway-config.js';
import { AUTH_CONFIG } from '../config/tokens.js';
import { appendDurably, readIfExists } from '../shared/durable-file.js';

/** One review delivered: a line of GATEWAY_DATA_DIR/reviews-sent.jsonl. */
export interface SentReview {
  readonly month: string;
  /** `company` or the city. */
  readonly scope: string;
  readonly to: string;
  readonly at: string;
  readonly messageId: string;
}

/**
 * Which review went to whom: appended (fsync) once the mail server accepted the message, read at
 * start, so that a restart never sends a month's review to a recipient twice.
 */
@Injectable()
export class SentLog implements OnModuleInit {
  private readonly path: string;
  private readonly sent = new Map<string, SentReview>();

  constructor(@Inject(AUTH_CONFIG) config: AuthConfig) {
    this.path = join(config.dataDir, 'reviews-sent.jsonl');
  }

  async onModuleInit(): Promise<void> {
    const text = await readIfExists(this.path);
    for (const line of text?.split('\n') ?? []) {
      if (line.trim() === '') continue;
      // A line cut by a crash mid-append was never acknowledged: that review is sent again.
      try {
        this.remember(JSON.parse(line) as SentReview);
      } catch {
        continue;
      }
    }
  }

  has(month: string, scope: string, to: string): boolean {
    return this.sent.has(key(month, scope, to));
  }

  async record(entry: SentReview): Promise<void> {
    await appendDurably(this.path, JSON.stringify(entry));
    this.remember(entry);
  }

  private remember(entry: SentReview): void {
    this.sent.set(key(entry.month, entry.scope, entry.to), entry);
  }
}

function key(month: string, scope: string, to: string): string {
  return `${month}\n${scope}\n${to.toLowerCase()}`;
}
