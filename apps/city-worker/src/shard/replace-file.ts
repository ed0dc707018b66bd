import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

/** Where a file is written before it replaces the last one; a crash may leave it behind. */
export function temporaryPath(path: string): string {
  return `${path}.tmp`;
}

/**
 * Replaces the file whole and durably before it returns: written beside it, fsync'd, renamed over
 * it, and the rename fsync'd in its folder. A crash leaves the old file or the new one; a failed
 * write (a full disk) leaves the old one and takes back the space.
 */
export function replaceFileSync(path: string, parts: readonly Buffer[]): void {
  const temporary = temporaryPath(path);
  try {
    const fd = openSync(temporary, 'w');
    try {
      for (const part of parts) writeSync(fd, part);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
  const folder = openSync(dirname(path), 'r');
  try {
    fsyncSync(folder);
  } finally {
    closeSync(folder);
  }
}
