import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  cityKey,
  type SetTargetsRequest,
  type SetTargetsResult,
  type TargetsResult,
} from '#contracts';
import { DomainError, ErrorCode, parseMonth } from '#domain/model';
import { TargetBook, recordToTarget, type TargetRecord } from '#domain/targets';
import { replaceFileSync } from '../shard/replace-file.js';

/**
 * The city's revenue targets, in `<city>.targets.json` beside its shard: read at start, replaced
 * whole and durably before a change is answered. Its version is the file's digest, so that a
 * gateway keeps the targets it has while they stay the same, across restarts too.
 */
export class CityTargets {
  private readonly path: string;
  private book: TargetBook;
  private digest: string;

  constructor(
    private readonly city: string,
    dataDir: string,
  ) {
    this.path = join(dataDir, `${cityKey(city)}.targets.json`);
    const text = existsSync(this.path) ? readFileSync(this.path, 'utf8') : undefined;
    this.book = text === undefined ? new TargetBook() : readBook(this.path, text);
    this.digest = digestOf(text ?? '');
  }

  get version(): string {
    return this.digest;
  }

  list(): TargetsResult {
    return { version: this.digest, targets: this.book.records() };
  }

  /** Applies a change; answers once it is on disk. */
  change(request: SetTargetsRequest): SetTargetsResult {
    let book = this.book;
    let replaced = 0;
    let removed = false;
    if (request.set !== undefined) {
      ({ book, replaced } = book.with(request.set.map((record) => this.own(record))));
    }
    if (request.remove !== undefined) {
      const { month, type } = request.remove;
      const index = typeof month === 'string' ? parseMonth(month) : undefined;
      if (index === undefined) {
        throw new DomainError(ErrorCode.InvalidBatch, `not a month: ${JSON.stringify(month)}`);
      }
      ({ book, removed } = book.without({ city: this.city, month: index, scope: type ?? 'total' }));
    }
    if (book !== this.book) {
      const text = `${JSON.stringify({ city: this.city, targets: book.records() }, null, 1)}\n`;
      replaceFileSync(this.path, [Buffer.from(text)]);
      this.book = book;
      this.digest = digestOf(text);
    }
    return { ...this.list(), replaced, removed };
  }

  /** A target of this city, spelled as the city is. */
  private own(record: TargetRecord): ReturnType<typeof recordToTarget> {
    const target = recordToTarget(record);
    if (target.city.toLowerCase() !== this.city.toLowerCase()) {
      throw new DomainError(
        ErrorCode.InvalidBatch,
        `a target of ${target.city} sent to ${this.city}`,
      );
    }
    return { ...target, city: this.city };
  }
}

function readBook(path: string, text: string): TargetBook {
  try {
    return TargetBook.fromRecords((JSON.parse(text) as { targets: TargetRecord[] }).targets);
  } catch (error) {
    throw new Error(
      `${path} cannot be read (${error instanceof Error ? error.message : String(error)}): restore it from a backup, or remove it to start without targets`,
      { cause: error },
    );
  }
}

function digestOf(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}
