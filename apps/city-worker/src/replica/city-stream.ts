import { connect, type NatsConnection } from '@nats-io/transport-node';
import {
  JetStreamApiCodes,
  JetStreamApiError,
  jetstream,
  jetstreamManager,
  type JetStreamClient,
  type JetStreamManager,
  type StreamInfo,
} from '@nats-io/jetstream';
import { Logger } from '@nestjs/common';
import { cityKey } from '#contracts';
import { natsConnection, retrying, type RetryOptions } from '#platform';
import type { WorkerConfig } from '../worker-config.js';

/** How long a retried write is recognised as the same one (JetStream's `Nats-Msg-Id` window). */
const DEDUP_WINDOW_MS = 10 * 60_000;

/** How long a starting worker waits for one answer of JetStream. */
const DETECT_MS = 2000;

/**
 * How long a starting worker asks JetStream again while it does not answer (a cluster electing
 * its leaders, a loaded host) before it stops with the error: never taken for "no JetStream".
 */
const JETSTREAM_START_MS = 60_000;

/**
 * Tries a JetStream call again for JETSTREAM_START_MS (a caller may set its own `forMs`), with a
 * warning saying `what` failed, except `isFinal` errors.
 */
export function jetStreamRetry(
  logger: Logger,
  what: string,
  isFinal?: (error: unknown) => boolean,
): RetryOptions {
  return {
    forMs: JETSTREAM_START_MS,
    isFinal,
    onRetry: (error) => {
      logger.warn(`${what}: ${String(error)}; trying again`);
    },
  };
}

/** The server has no JetStream, or this NATS user may not use it: both answer at once. */
function isNoJetStream(error: unknown): boolean {
  for (let cause = error; cause instanceof Error; cause = cause.cause) {
    if (['JetStreamNotEnabled', 'PermissionViolationError'].includes(cause.name)) return true;
  }
  return false;
}

function isStreamNotFound(error: unknown): boolean {
  return error instanceof JetStreamApiError && error.code === JetStreamApiCodes.StreamNotFound;
}

/** A city's log on JetStream: the stream every replica of the city appends to and applies. */
export interface CityStream {
  readonly name: string;
  readonly subject: string;
  readonly nc: NatsConnection;
  readonly js: JetStreamClient;
  readonly jsm: JetStreamManager;
}

/** `CITY_LYON`, `CITY_AIX_EN_PROVENCE`: stream names take no dots or dashes. */
export function streamNameOf(city: string): string {
  return `CITY_${cityKey(city).replace(/-/g, '_').toUpperCase()}`;
}

export function logSubjectOf(city: string): string {
  return `log.${cityKey(city)}`;
}

/**
 * Over NATS with JetStream on the server, the city's stream (created, or its replicas set from
 * `JETSTREAM_REPLICAS`); undefined when the server has no JetStream (or this user may not use
 * it): the worker then serves alone from its shard, as before.
 */
export async function openCityStream(config: WorkerConfig): Promise<CityStream | undefined> {
  if (config.transport !== 'nats') return undefined;
  const logger = new Logger('CityStream');
  const nc = await connect(
    natsConnection(config.natsUrl, `replica-${config.city}`, config.natsCredentials),
  );
  let jsm: JetStreamManager;
  try {
    jsm = await retrying(
      () => jetstreamManager(nc, { timeout: DETECT_MS }),
      jetStreamRetry(logger, 'asking for JetStream', isNoJetStream),
    );
  } catch (error) {
    await nc.close();
    if (!isNoJetStream(error)) throw error;
    logger.log(`no JetStream (${String(error)}): this worker serves ${config.city} alone`);
    return undefined;
  }
  const name = streamNameOf(config.city);
  const subject = logSubjectOf(config.city);
  const replicas = config.jetstreamReplicas;
  const existing = await retrying(
    () => jsm.streams.info(name),
    jetStreamRetry(logger, `asking for ${name}`, isStreamNotFound),
  ).catch((error: unknown): StreamInfo | undefined => {
    if (isStreamNotFound(error)) return undefined;
    throw error;
  });
  // Two replicas may add the stream at once: the same configuration added twice is one stream.
  if (existing === undefined) {
    await retrying(
      () =>
        jsm.streams.add({
          name,
          subjects: [subject],
          storage: 'file',
          num_replicas: replicas,
          duplicate_window: DEDUP_WINDOW_MS * 1_000_000,
        }),
      jetStreamRetry(logger, `creating ${name}`),
    );
    logger.log(`created the stream ${name} (${replicas} replica(s))`);
  } else if (existing.config.num_replicas !== replicas) {
    await retrying(
      () => jsm.streams.update(name, { ...existing.config, num_replicas: replicas }),
      jetStreamRetry(logger, `updating ${name}`),
    );
    logger.log(`${name}: replicas ${existing.config.num_replicas} -> ${replicas}`);
  }
  return { name, subject, nc, jsm, js: jetstream(nc, { timeout: 5000 }) };
}
