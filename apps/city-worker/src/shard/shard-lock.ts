import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { Logger } from '@nestjs/common';
import { StartupRefusal } from '#platform';

/** A second worker found the shard held: two writers would both append every row to it. */
export class ShardLockedError extends StartupRefusal {
  override name = 'ShardLockedError';

  constructor(lockPath: string) {
    super(
      `${lockPath} is locked by another worker of this city, running or stopped (SIGSTOP): two workers would write the same shard; stop the other one first`,
    );
  }
}

/** flock(1)'s exit status when another process holds the lock (any other is another failure). */
const HELD_ELSEWHERE = 1;

/** The lock file could not even be opened: the folder is not this worker's to write. */
export class ShardFolderError extends StartupRefusal {
  override name = 'ShardFolderError';

  constructor(lockPath: string, reason: string) {
    const uid = process.getuid?.();
    super(
      `cannot create ${lockPath} (${reason}): the shard folder must be writable by this worker's user${uid === undefined ? '' : ` (uid ${uid})`}; for a host folder mounted into the container, chown ${uid ?? 1000}:${uid ?? 1000} it`,
    );
  }
}

/**
 * The shard's single writer, by construction: an exclusive lock (flock(2), kernel-held) on a file
 * beside it, held for the worker's life by a `flock` child whose stdin is this process: when the
 * worker dies, even by kill -9, the pipe closes, the child exits and the kernel drops the lock. A
 * worker that hangs (SIGSTOP) keeps it. Node has no flock of its own; util-linux's is in every
 * Debian image.
 */
export class ShardLock {
  private constructor(private readonly holder: ChildProcess | undefined) {}

  static async acquire(lockPath: string): Promise<ShardLock> {
    const holder = spawn(
      'flock',
      ['--nonblock', '--exclusive', lockPath, 'sh', '-c', 'echo held; exec cat'],
      {
        stdio: ['pipe', 'pipe', 'pipe'],
      },
    );
    let said = '';
    holder.stderr.on('data', (chunk: Buffer) => (said += chunk.toString()));
    const held = once(holder.stdout, 'data').then(() => true);
    const exited = once(holder, 'close').then(([code]) => code as number | null);
    const failed = once(holder, 'error').then(([error]) => error as Error);
    const result = await Promise.race([held, exited, failed]);
    if (result instanceof Error) {
      // No flock(1) on this host (macOS, Windows): said, not silently unsafe.
      new Logger('ShardLock').warn(
        `flock is not available (${result.message}): a second worker on ${lockPath} is not prevented`,
      );
      return new ShardLock(undefined);
    }
    if (result !== true) {
      if (result === HELD_ELSEWHERE) throw new ShardLockedError(lockPath);
      // Said, not mistaken for a second worker: flock exits 66 when it cannot open the file.
      throw new ShardFolderError(lockPath, said.trim() || `flock exited ${String(result)}`);
    }
    holder.stdout.resume();
    holder.stderr.resume();
    return new ShardLock(holder);
  }

  /** Lets the lock go; resolves once the kernel has dropped it. */
  async release(): Promise<void> {
    const holder = this.holder;
    if (holder === undefined || holder.exitCode !== null) return;
    const exited = once(holder, 'exit');
    holder.stdin?.end();
    await exited;
  }
}
