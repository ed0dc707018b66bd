import { connect, type NatsConnection } from '@nats-io/transport-node';
import {
  jetstream,
  jetstreamManager,
  type JetStreamClient,
  type JetStreamManager,
} from '@nats-io/jetstream';
import { Logger } from '@nestjs/common';
import { cityKey } from '#contracts';
import { natsConnection } from '#platform';
import type { WorkerConfig } from '../worker-config.js';

/** How long a retried write is recognised as the same one (JetStream's `Nats-Msg-Id` window). */
const DEDUP_WINDOW_MS = 10 * 60_000;

/** How long a starting worker waits for JetStream to say whether it is there. */
const DETECT_MS = 2000;

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
  const jsm = await jetstreamManager(nc, { timeout: DETECT_MS }).catch((error: unknown) => {
    logger.log(`no JetStream (${String(error)}): this worker serves ${config.city} alone`);
    return undefined;
  });
  if (jsm === undefined) {
    await nc.close();
    return undefined;
  }
  const name = streamNameOf(config.city);
  const subject = logSubjectOf(config.city);
  const replicas = config.jetstreamReplicas;
  const existing = await jsm.streams.info(name).catch(() => undefined);
  if (existing === undefined) {
    await jsm.streams.add({
      name,
      subjects: [subject],
      storage: 'file',
      num_replicas: replicas,
      duplicate_window: DEDUP_WINDOW_MS * 1_000_000,
    });
    logger.log(`created the stream ${name} (${replicas} replica(s))`);
  } else if (existing.config.num_replicas !== replicas) {
    await jsm.streams.update(name, { ...existing.config, num_replicas: replicas });
    logger.log(`${name}: replicas ${existing.config.num_replicas} -> ${replicas}`);
  }
  return { name, subject, nc, jsm, js: jetstream(nc, { timeout: 5000 }) };
}
