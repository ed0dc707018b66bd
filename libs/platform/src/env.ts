/** A process that must not start, for a reason its message says fully (no stack needed). */
export class StartupRefusal extends Error {
  override name = 'StartupRefusal';
}

/** Raised when the environment does not describe a runnable process; lists every problem at once. */
export class ConfigError extends StartupRefusal {
  override name = 'ConfigError';

  constructor(readonly problems: readonly string[]) {
    super(`invalid configuration:\n  - ${problems.join('\n  - ')}`);
  }
}

/**
 * Reads environment variables once, at start-up, collecting every problem instead of stopping at
 * the first, so that one run shows everything to fix. Call {@link done} when all are read.
 */
export class EnvReader {
  private readonly problems: string[] = [];

  constructor(private readonly env: Readonly<Record<string, string | undefined>>) {}

  string(name: string, fallback?: string): string {
    const value = this.env[name]?.trim();
    if (value !== undefined && value !== '') return value;
    if (fallback === undefined) this.problems.push(`${name} is required`);
    return fallback ?? '';
  }

  /** A value that may be set to the empty string on purpose (to disable something). */
  optionalString(name: string, fallback: string): string {
    return this.env[name]?.trim() ?? fallback;
  }

  integer(name: string, fallback: number, min: number, max: number): number {
    const text = this.env[name]?.trim();
    if (text === undefined || text === '') return fallback;
    const value = Number(text);
    if (!Number.isInteger(value) || value < min || value > max) {
      this.problems.push(`${name} must be a whole number from ${min} to ${max}, not "${text}"`);
      return fallback;
    }
    return value;
  }

  number(name: string, fallback: number, min: number, max: number): number {
    const text = this.env[name]?.trim();
    if (text === undefined || text === '') return fallback;
    const value = Number(text);
    if (!Number.isFinite(value) || value < min || value > max) {
      this.problems.push(`${name} must be a number from ${min} to ${max}, not "${text}"`);
      return fallback;
    }
    return value;
  }

  oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const text = this.env[name]?.trim().toLowerCase();
    if (text === undefined || text === '') return fallback;
    const match = allowed.find((value) => value === text);
    if (match === undefined) {
      this.problems.push(`${name} must be one of ${allowed.join(', ')}, not "${text}"`);
      return fallback;
    }
    return match;
  }

  /** Records a problem found while interpreting values already read. */
  problem(message: string): void {
    this.problems.push(message);
  }

  /** Throws a {@link ConfigError} if anything was wrong. */
  done(): void {
    if (this.problems.length > 0) throw new ConfigError(this.problems);
  }
}

/** Stops a process that could not start: a refusal with its message, anything else with its stack. */
export function exitOnStartupError(processName: string, error: unknown): never {
  const text =
    error instanceof StartupRefusal
      ? error.message
      : error instanceof Error
        ? (error.stack ?? error.message)
        : String(error);
  process.stderr.write(`${processName}: ${text}\n`);
  process.exit(1);
}
