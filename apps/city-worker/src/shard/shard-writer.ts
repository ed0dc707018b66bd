import { fsyncSync, writeSync } from 'node:fs';

/** How a shard puts bytes on disk; tests inject one that breaks in the middle of a write. */
export interface ShardWriter {
  /** Writes all of `data` at the end of the file and returns once it is durable. */
  write(fd: number, data: Buffer): void;
}

export const DURABLE_WRITER: ShardWriter = {
  write(fd: number, data: Buffer): void {
    writeAll(fd, data);
    fsyncSync(fd);
  },
};

function writeAll(fd: number, data: Buffer): void {
  for (let written = 0; written < data.length;) {
    written += writeSync(fd, data, written, data.length - written);
  }
}
