import { writeSync } from 'node:fs';

/** How a shard puts bytes in its file; tests inject one that breaks in the middle of a write. */
export interface ShardWriter {
  /** Writes all of `data` at the end of the file; the shard makes it durable (fsync) after. */
  write(fd: number, data: Buffer): void;
}

export const FILE_WRITER: ShardWriter = {
  write(fd: number, data: Buffer): void {
    for (let written = 0; written < data.length;) {
      written += writeSync(fd, data, written, data.length - written);
    }
  },
};
