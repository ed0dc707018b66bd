import {
  closeSync,
  fsync,
  existsSync,
  fstatSync,
  fsyncSync,
  ftruncateSync,
  mkdirSync,
  openSync,
  readSync,
} from 'node:fs';
import { join } from 'node:path';
import { TRANSACTION_CSV_HEADER } from '#domain/csv';
import type { CityStore } from '#domain/store';
import { cityKey } from '#contracts';
import type { CityJournal } from './city-journal.js';
import { GroupCommit } from './group-commit.js';
import { FILE_WRITER, type ShardWriter } from './shard-writer.js';
import { writeSnapshot } from './shard-snapshot.js';

/** Where the snapshot of a city's store lives, beside its shard in `directory`. */
export function snapshotPathIn(directory: string, city: string): string {
  return join(directory, `${cityKey(city)}.snapshot`);
}

/** Where a torn record was cut off a shard at start-up. */
export interface TornRecord {
  readonly bytes: number;
}

/**
 * A city's append-only shard: its accepted transactions as CSV lines (the brief's columns plus
 * `cout`), readable by a person. {@link append} returns once its lines are on disk; {@link write}
 * then {@link commit} let several batches share one fsync. The worker acknowledges a write only
 * once it is durable, never before.
 */
export class CityShard implements CityJournal {
  private readonly group = new GroupCommit(
    () =>
      new Promise<void>((resolve, reject) => {
        fsync(this.fd, (error) => {
          if (error === null) resolve();
          else reject(error);
        });
      }),
  );

  private constructor(
    readonly path: string,
    private readonly fd: number,
    private readonly writer: ShardWriter,
    /** Where the snapshot of the store this shard holds is written, beside it. */
    readonly snapshotPath: string,
  ) {}

  /**
   * Opens (or creates) the shard of `city` in `directory`. A final record without its line break
   * is what a crash during an append leaves: it is cut off, and reported.
   */
  static open(
    directory: string,
    city: string,
    writer: ShardWriter = FILE_WRITER,
  ): { shard: CityShard; torn: TornRecord | undefined } {
    mkdirSync(directory, { recursive: true });
    const path = join(directory, `${cityKey(city)}.csv`);
    const created = !existsSync(path);
    const fd = openSync(path, 'a+');
    const shard = new CityShard(path, fd, writer, snapshotPathIn(directory, city));
    const torn = created ? undefined : shard.cutTornRecord();
    if (fstatSync(fd).size === 0) shard.append([TRANSACTION_CSV_HEADER]);
    return { shard, torn };
  }

  /** Appends the lines and makes them durable. A failure here must stop the worker. */
  append(lines: readonly string[]): void {
    if (lines.length === 0) return;
    this.writeText(`${lines.join('\n')}\n`);
    fsyncSync(this.fd);
  }

  /**
   * Appends lines (text, or its UTF-8 bytes, without the final line break) without waiting for
   * the disk: they are durable once a later {@link commit} resolves. A failure here must stop
   * the worker.
   */
  writeLines(lines: string | Uint8Array): void {
    if (lines.length === 0) return;
    if (typeof lines === 'string') {
      this.writeText(`${lines}\n`);
      return;
    }
    const data = Buffer.allocUnsafe(lines.length + 1);
    data.set(lines);
    data[lines.length] = LF;
    this.writer.write(this.fd, data);
  }

  /** Resolves once every line written so far is durable; one fsync serves every caller waiting. */
  commit(): Promise<void> {
    return this.group.commit();
  }

  /** The shard's length in bytes: every line appended so far. */
  get bytes(): number {
    return fstatSync(this.fd).size;
  }

  /** Resolves once no sync is under way: before a clean stop. */
  settle(): Promise<void> {
    return this.group.idle();
  }

  snapshot(store: CityStore): void {
    writeSnapshot(this.snapshotPath, store, this.path, this.bytes);
  }

  close(): void {
    closeSync(this.fd);
  }

  private writeText(text: string): void {
    this.writer.write(this.fd, Buffer.from(text, 'utf8'));
  }

  private cutTornRecord(): TornRecord | undefined {
    const size = fstatSync(this.fd).size;
    if (size === 0) return undefined;
    const tail = lastLine(this.fd, size);
    // A shard ends with a line break outside quotes. A last line with no quote ending in a line
    // break is whole; else only a scan from the start can tell a line break inside quotes (a
    // record torn after "Tesla\n) from one that ends a record.
    if (tail.endsWithLineBreak && !tail.hasQuote) return undefined;
    const keep = endOfLastRecord(this.fd, size);
    if (keep === size) return undefined;
    ftruncateSync(this.fd, keep);
    fsyncSync(this.fd);
    return { bytes: size - keep };
  }
}

const LF = 0x0a;
const QUOTE = 0x22;

/** The file's last line (after the line break before its last byte): does it hold a quote? */
function lastLine(fd: number, size: number): { endsWithLineBreak: boolean; hasQuote: boolean } {
  const block = Buffer.alloc(64 * 1024);
  let endsWithLineBreak = false;
  for (let end = size; end > 0; end -= block.length) {
    const start = Math.max(0, end - block.length);
    const read = block.subarray(0, readSync(fd, block, 0, end - start, start));
    if (end === size) endsWithLineBreak = read[read.length - 1] === LF;
    const searchEnd = end === size && endsWithLineBreak ? read.length - 1 : read.length;
    const lineStart = read.subarray(0, searchEnd).lastIndexOf(LF);
    const line = read.subarray(lineStart + 1, searchEnd);
    if (line.includes(QUOTE)) return { endsWithLineBreak, hasQuote: true };
    if (lineStart >= 0) return { endsWithLineBreak, hasQuote: false };
  }
  return { endsWithLineBreak, hasQuote: false };
}

/** Where the last whole record ends: after the last line break outside quotes (0 if none). */
function endOfLastRecord(fd: number, size: number): number {
  const block = Buffer.alloc(1024 * 1024);
  let quoted = false;
  let end = 0;
  for (let start = 0; start < size; start += block.length) {
    const read = readSync(fd, block, 0, Math.min(block.length, size - start), start);
    for (let index = 0; index < read; index += 1) {
      const byte = block[index];
      if (byte === QUOTE) quoted = !quoted;
      else if (byte === LF && !quoted) end = start + index + 1;
    }
  }
  return end;
}
