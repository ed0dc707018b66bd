import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Calls `probe` every `intervalMs` until it answers true (a throw counts as "not yet"); answers
 * false once `timeoutMs` has run out.
 */
export async function pollUntil(
  probe: () => Promise<boolean>,
  timeoutMs: number,
  intervalMs: number,
): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await probe().catch(() => false)) return true;
    await sleep(intervalMs);
  }
  return false;
}

/**
 * `promise`'s outcome, or a rejection with `late()` once `ms` have passed without one. The work
 * behind `promise` goes on: only this caller stops waiting for it.
 */
export function withTimeout<T>(
  promise: Promise<T>,
  ms: number,
  late: () => Error = () => new Error(`no answer within ${ms} ms`),
): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        reject(late());
      }, ms);
    }),
  ]).finally(() => {
    clearTimeout(timer);
  });
}

export interface RetryOptions {
  /** Tries again until this has passed since the first attempt; then its last error is thrown. */
  readonly forMs: number;
  /** Told each error that is tried again. */
  readonly onRetry?: (error: unknown) => void;
  /** Errors not worth trying again: thrown at once. */
  readonly isFinal?: (error: unknown) => boolean;
}

/** `attempt()`'s result, tried again after 100 ms, 200 ms… (at most 1 s apart) while it throws. */
export async function retrying<T>(
  attempt: () => Promise<T>,
  { forMs, onRetry, isFinal }: RetryOptions,
): Promise<T> {
  const deadline = performance.now() + forMs;
  for (let pause = 100; ; pause = Math.min(2 * pause, 1000)) {
    try {
      return await attempt();
    } catch (error) {
      if (isFinal?.(error) === true || performance.now() + pause > deadline) throw error;
      onRetry?.(error);
      await sleep(pause);
    }
  }
}
