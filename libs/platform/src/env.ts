import { plainToInstance } from 'class-transformer';
import { getMetadataStorage, validateSync, type ValidationError } from 'class-validator';

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

export type Environment = Readonly<Record<string, string | undefined>>;

/**
 * Reads an app's environment once, at start-up, through its env class (class-validator rules,
 * defaults by class-transformer: see env-rules.ts), collecting every problem instead of stopping
 * at the first, so that one run shows everything to fix.
 */
export function validateEnv<T extends object>(envClass: new () => T, env: Environment): T {
  // Every variable of the class, set or not, so that each gets its default; nothing else.
  const names = getMetadataStorage()
    .getTargetValidationMetadatas(envClass, '', true, false)
    .map((metadata) => metadata.propertyName);
  const declared = Object.fromEntries([...new Set(names)].map((name) => [name, env[name]]));
  const instance = plainToInstance(envClass, declared);
  const problems = validateSync(instance).flatMap(messages);
  if (problems.length > 0) throw new ConfigError(problems);
  return instance;
}

function messages(error: ValidationError): string[] {
  return Object.values(error.constraints ?? {}).reverse();
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
