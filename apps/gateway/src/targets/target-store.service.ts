import { join } from 'node:path';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { TargetBook, targetKey, type Target, type TargetRecord } from '#domain/targets';
import type { AuthConfig } from '../config/gateway-config.js';
import { AUTH_CONFIG } from '../config/tokens.js';
import { readIfExists, replaceDurably } from '../shared/durable-file.js';

interface TargetsFile {
  readonly version: number;
  readonly targets: readonly TargetRecord[];
}

/**
 * The revenue targets in force, kept in GATEWAY_DATA_DIR/targets.json (fsync'd, atomic rename)
 * before a write is answered. Writes are applied one after the other; `version` counts them, so
 * that a report built from an older book is not served from the cache.
 */
@Injectable()
export class TargetStore implements OnModuleInit {
  private readonly path: string;
  private current = new TargetBook();
  private written = 0;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(@Inject(AUTH_CONFIG) config: AuthConfig) {
    this.path = join(config.dataDir, 'targets.json');
  }

  async onModuleInit(): Promise<void> {
    const text = await readIfExists(this.path);
    if (text === undefined) return;
    const file = JSON.parse(text) as TargetsFile;
    this.current = TargetBook.fromRecords(file.targets);
    this.written = file.version;
  }

  get book(): TargetBook {
    return this.current;
  }

  get version(): number {
    return this.written;
  }

  /** Sets the targets (a later one replaces the one of the same city, month and type). */
  set(targets: readonly Target[]): Promise<{ stored: number; replaced: number }> {
    return this.write((book) => {
      const byKey = new Map(book.list().map((target) => [targetKey(target), target]));
      let replaced = 0;
      for (const target of targets) {
        if (byKey.has(targetKey(target))) replaced += 1;
        byKey.set(targetKey(target), target);
      }
      return { book: new TargetBook(byKey.values()), result: { stored: targets.length, replaced } };
    });
  }

  /** Removes one target; false when there was none. */
  remove(target: Pick<Target, 'city' | 'month' | 'scope'>): Promise<boolean> {
    return this.write((book) => {
      const kept = book.list().filter((entry) => targetKey(entry) !== targetKey(target));
      return { book: new TargetBook(kept), result: kept.length < book.size };
    });
  }

  private write<T>(change: (book: TargetBook) => { book: TargetBook; result: T }): Promise<T> {
    const next = this.queue.then(async () => {
      const { book, result } = change(this.current);
      const version = this.written + 1;
      const file: TargetsFile = { version, targets: book.records() };
      await replaceDurably(this.path, `${JSON.stringify(file, null, 1)}\n`);
      this.current = book;
      this.written = version;
      return result;
    });
    this.queue = next.catch(() => undefined);
    return next;
  }
}
