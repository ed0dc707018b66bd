import type { LoggerService } from '@nestjs/common';
import type { Logger } from 'pino';

/**
 * Nest's start-up chatter (a line per module, route and controller: about 45 at each start) is
 * for whoever debugs the wiring, not for the people running the cluster.
 */
const START_UP_CONTEXTS = new Set([
  'NestFactory',
  'InstanceLoader',
  'RoutesResolver',
  'RouterExplorer',
  'NestApplication',
  'NestMicroservice',
]);

type Level = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace';

/** Nest's logger interface over the process's pino logger: `context` becomes a field. */
export class NestPinoLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, ...params: unknown[]): void {
    const context = contextOf(params);
    this.write(START_UP_CONTEXTS.has(context ?? '') ? 'debug' : 'info', message, context);
  }

  error(message: unknown, ...params: unknown[]): void {
    this.writeProblem('error', message, params);
  }

  fatal(message: unknown, ...params: unknown[]): void {
    this.writeProblem('fatal', message, params);
  }

  warn(message: unknown, ...params: unknown[]): void {
    this.write('warn', message, contextOf(params));
  }

  debug(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, contextOf(params));
  }

  verbose(message: unknown, ...params: unknown[]): void {
    this.write('trace', message, contextOf(params));
  }

  /** Nest passes `(message, stack, context)` for errors; a lone extra text is the context. */
  private writeProblem(level: Level, message: unknown, params: unknown[]): void {
    const context = contextOf(params);
    const stack = params.length >= 2 && typeof params[0] === 'string' ? params[0] : undefined;
    this.write(level, message, context, stack);
  }

  private write(level: Level, message: unknown, context?: string, stack?: string): void {
    const fields = { ...(context === undefined ? {} : { context }), ...(stack ? { stack } : {}) };
    if (message instanceof Error) {
      this.logger[level]({ ...fields, err: message }, message.message);
    } else if (typeof message === 'object' && message !== null) {
      this.logger[level]({ ...fields, ...message });
    } else {
      this.logger[level](fields, String(message));
    }
  }
}

function contextOf(params: readonly unknown[]): string | undefined {
  const last = params.at(-1);
  return typeof last === 'string' ? last : undefined;
}
