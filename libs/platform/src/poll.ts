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
