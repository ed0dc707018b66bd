import { EnvChoice } from '../env-rules.js';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** JSON lines for a log collector; one readable line per entry for a person at a terminal. */
export const LOG_FORMATS = ['json', 'pretty'] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];

export interface LogConfig {
  readonly level: LogLevel;
  readonly format: LogFormat;
}

/** The logging variables every process reads; an app's env class extends it. */
export class LogEnv {
  @EnvChoice(LOG_LEVELS, 'info')
  readonly LOG_LEVEL!: LogLevel;

  @EnvChoice(LOG_FORMATS, 'json')
  readonly LOG_FORMAT!: LogFormat;
}

export function logConfigOf(vars: LogEnv): LogConfig {
  return { level: vars.LOG_LEVEL, format: vars.LOG_FORMAT };
}
