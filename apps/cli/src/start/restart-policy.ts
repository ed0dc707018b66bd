/** What to do about a process that exited when it should not have. */
export type RestartDecision =
  | { readonly restart: true; readonly delayMs: number }
  | { readonly restart: false; readonly reason: string };

export interface RestartPolicyOptions {
  /** The first delay; each crash within the window doubles it, up to `maxDelayMs`. */
  readonly firstDelayMs: number;
  readonly maxDelayMs: number;
  /** More crashes than this within `windowMs`: a loop, not an accident; no more restarts. */
  readonly maxCrashes: number;
  readonly windowMs: number;
}

export const DEFAULT_RESTART_POLICY: RestartPolicyOptions = {
  firstDelayMs: 500,
  maxDelayMs: 8000,
  maxCrashes: 5,
  windowMs: 60_000,
};

/**
 * When to restart one process after a crash: soon after an accident, later and later while it
 * keeps crashing, never again once it crashes in a loop (a shard it refuses, a port taken), which
 * a restart cannot mend and would only hide.
 */
export class RestartPolicy {
  private readonly crashes: number[] = [];

  constructor(private readonly options: RestartPolicyOptions = DEFAULT_RESTART_POLICY) {}

  /** The decision for a crash at `now` (ms). */
  crashed(now: number): RestartDecision {
    const { firstDelayMs, maxDelayMs, maxCrashes, windowMs } = this.options;
    this.crashes.push(now);
    while (this.crashes[0]! <= now - windowMs) this.crashes.shift();
    const recent = this.crashes.length;
    if (recent > maxCrashes) {
      return {
        restart: false,
        reason: `${recent} crashes within ${windowMs / 1000} s: restarting it again would not help`,
      };
    }
    return { restart: true, delayMs: Math.min(maxDelayMs, firstDelayMs * 2 ** (recent - 1)) };
  }
}
