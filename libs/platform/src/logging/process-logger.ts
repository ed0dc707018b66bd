import { multistream, pino, stdTimeFunctions, type DestinationStream, type Logger } from 'pino';
import pretty from 'pino-pretty';
import type { LogConfig } from './log-env.js';
import { currentRequestId } from './request-context.js';

/**
 * Fields that may hold a secret, wherever a log call puts them: they are censored, never
 * written. The HTTP serializers below write no header at all; this is the net under them.
 */
const SECRET_PATHS = [
  'apiKey',
  'pass',
  'password',
  'token',
  'authorization',
  'cookie',
  '*.apiKey',
  '*.pass',
  '*.password',
  '*.token',
  '*.authorization',
  '*.cookie',
  '*.headers',
];

/** Where a process's lines go: errors apart, as a console program's do. */
export interface LogDestinations {
  readonly out: DestinationStream | NodeJS.WritableStream;
  readonly err: DestinationStream | NodeJS.WritableStream;
}

const STANDARD_STREAMS: LogDestinations = { out: process.stdout, err: process.stderr };

/**
 * The process's one logger: JSON lines with ISO dates (LOG_FORMAT=json) or one readable line per
 * entry (pretty, what `npm start` asks for); every line written while serving a request carries
 * its `requestId`. Errors and fatal lines go to standard error, the others to standard output.
 */
export function createProcessLogger(
  config: LogConfig,
  name: string,
  destinations: LogDestinations = STANDARD_STREAMS,
): Logger {
  const options = {
    name,
    level: config.level,
    timestamp: stdTimeFunctions.isoTime,
    redact: { paths: SECRET_PATHS, censor: '[redacted]' },
    base: { pid: process.pid },
    // A line that names its request (the access log, written after the request's context) keeps it.
    mixin: (fields: object) => {
      const requestId = currentRequestId();
      return requestId === undefined || 'requestId' in fields ? {} : { requestId };
    },
  };
  const stream = (destination: DestinationStream | NodeJS.WritableStream): DestinationStream =>
    config.format === 'json'
      ? destination
      : pretty({
          sync: true,
          destination,
          colorize: false,
          singleLine: true,
          translateTime: 'SYS:yyyy-mm-dd HH:MM:ss.l',
          ignore: 'pid,hostname,name,context',
          messageFormat: '{if context}{context}: {end}{msg}',
        });
  return pino(
    options,
    multistream(
      [
        { level: 'trace', stream: stream(destinations.out) },
        { level: 'error', stream: stream(destinations.err) },
      ],
      // Each line goes to the one stream of the highest level it reaches.
      { dedupe: true },
    ),
  );
}
