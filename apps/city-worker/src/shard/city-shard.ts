import {
  closeSync,
  existsSync,
  fstatSync,
  fsyncSync,
  ftruncateSync,
  mkdirSync,
  openSync,
  readSync,
} from 'node:fs';
import { join } from 'node:path';
import { TRANSACTION_CSV_HEADER } from '#domain';
import { cityKey } from '#contracts';
import { DURABLE_WRITER, type ShardWriter } from './shard-writer.js';

/** Where a torn record was cut off a shard at start-up. */
export interface TornRecord {
  readonly bytes: number;
}

/**
 * A city's append-only shard: its accepted transactions as CSV lines (the brief's columns plus
 * `cout`), readable by a person. {@link append} returns only once the lines are on disk (fsync):
 * the worker acknowledges a batch after that, never before.
 */
export class CityShard {
  private constructor(
    readonly path: string,
    private readonly fd: number,
    private readonly writer: ShardWriter,
  ) {}

  /**
   * Opens (or creates) the shard of `city` in `directory`. A final record without its line break
   * is what a crash during an append leaves: it is cut off, and reported.
   */
  static open(
    directory: string,
    city: string,
    writer: ShardWriter = DURABLE_WRITER,
  ): { shard: CityShard; torn: TornRecord | undefined } {
    mkdirSync(directory, { recursive: true });
    const path = join(directory, `${cityKey(city)}.csv`);
    const created = !existsSync(path);
    const fd = openSync(path, 'a+');
    const shard = new CityShard(path, fd, writer);
    const torn = created ? undefined : shard.cutTornRecord();
    if (fstatSync(fd).size === 0) shard.write(`${TRANSACTION_CSV_HEADER}\n`);
    return { shard, torn };
  }

  /** Appends the lines and makes them durable. A failure here must stop the worker. */
  append(lines: readonly string[]): void {
    if (lines.length === 0) return;
    this.write(`${lines.join('\n')}\n`);
  }

  close(): void {
    closeSync(this.fd);
  }

  private write(text: string): void {
    this.writer.write(this.fd, Buffer.from(text, 'utf8'));
  }

  private cutTornRecord(): TornRecord | undefined {
    const size = fstatSync(this.fd).size;
    if (size === 0 || lastByte(this.fd, size) === 0x0a) return undefined;
    const keep = lastLineBreak(this.fd, size) + 1;
    ftruncateSync(this.fd, keep);
    fsyncSync(this.fd);
    return { bytes: size - keep };
  }
}

function lastByte(fd: number, size: number): number {
  const byte = Buffer.alloc(1);
  readSync(fd, byte, 0, 1, size - 1);
  return byte[0] ?? -1;
}

/** Offset of the last line break of the file, or -1; read backwards in blocks. */
function lastLineBreak(fd: number, size: number): number {
  const block = Buffer.alloc(64 * 1024);
  for (let end = size; end > 0; end -= block.length) {
    const start = Math.max(0, end - block.length);
    const read = readSync(fd, block, 0, end - start, start);
    const index = block.subarray(0, read).lastIndexOf(0x0a);
    if (index >= 0) return start + index;
  }
  return -1;
}
