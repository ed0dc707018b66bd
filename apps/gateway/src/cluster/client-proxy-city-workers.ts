import { setTimeout as sleep } from 'node:timers/promises';
import { Logger, type OnModuleDestroy } from '@nestjs/common';
import { ClientProxyFactory, Transport, type ClientProxy } from '@nestjs/microservices';
import type { NatsConnection } from '@nats-io/transport-node';
import { TimeoutError, firstValueFrom, timeout, type Observable } from 'rxjs';
import {
  REPLICA_BEHIND,
  cityPatterns,
  type CityMessageName,
  type CityPayload,
  type CityResult,
  type RequestMeta,
  type RpcErrorBody,
} from '#contracts';
import {
  BlockFrameNatsSerializer,
  currentRequestId,
  natsConnection,
  tcpLinkOptions,
  withTimeout,
} from '#platform';
import type { ClusterConfig } from '../config/gateway-config.js';
import type { GatewayMetrics } from '../metrics/gateway-metrics.js';
import { CityCallError } from './city-call.error.js';
import { publicReason } from './public-reason.js';
import type { CityWorkers } from './city-workers.port.js';

/** Between two tries of a call a replica turned down, or that could not be sent. */
const RETRY_PAUSE_MS = 100;

/** A city's replicas that answer heartbeats. */
type Replicas = (city: string) => number;

/** What a message takes beside its content (pattern, id, columns, request id): kept free. */
const FRAME_MARGIN_BYTES = 4096;

/**
 * The workers over Nest's ClientProxy. Over TCP, one client per configured city; over NATS, one
 * shared client reaches any city by its subjects, a discovered one too.
 */
export class ClientProxyCityWorkers implements CityWorkers, OnModuleDestroy {
  private readonly logger = new Logger(ClientProxyCityWorkers.name);
  private readonly lastFailures = new Map<string, string>();

  private constructor(
    private readonly tcp: ReadonlyMap<string, ClientProxy>,
    private readonly nats: ClientProxy | undefined,
    private readonly metrics: GatewayMetrics,
    /** A city's replicas answering heartbeats, and how long one is given before another is. */
    private readonly failover: { readonly replicas: Replicas; readonly attemptMs: number },
  ) {}

  static create(
    config: ClusterConfig,
    metrics: GatewayMetrics,
    replicas: Replicas = () => 0,
  ): ClientProxyCityWorkers {
    const failover = { replicas, attemptMs: config.replicaAttemptMs };
    if (config.transport === 'nats') {
      const shared = ClientProxyFactory.create({
        transport: Transport.NATS,
        options: {
          ...natsConnection(config.natsUrl, 'gateway', config.natsCredentials),
          serializer: new BlockFrameNatsSerializer(),
        },
      });
      return new ClientProxyCityWorkers(new Map(), shared, metrics, failover);
    }
    const clients = new Map(
      config.cities.map(({ city, host, port }) => [
        city,
        ClientProxyFactory.create({
          transport: Transport.TCP,
          options: tcpLinkOptions(host, port),
        }),
      ]),
    );
    return new ClientProxyCityWorkers(clients, undefined, metrics, failover);
  }

  ingest(
    city: string,
    payload: CityPayload<'ingest'>,
    timeoutMs: number,
  ): Promise<CityResult<'ingest'>> {
    return this.send(city, 'ingest', payload, timeoutMs);
  }

  summarize(
    city: string,
    payload: CityPayload<'summarize'>,
    timeoutMs: number,
  ): Promise<CityResult<'summarize'>> {
    return this.send(city, 'summarize', payload, timeoutMs);
  }

  info(city: string, payload: CityPayload<'info'>, timeoutMs: number): Promise<CityResult<'info'>> {
    return this.send(city, 'info', payload, timeoutMs);
  }

  correct(
    city: string,
    payload: CityPayload<'correct'>,
    timeoutMs: number,
  ): Promise<CityResult<'correct'>> {
    return this.send(city, 'correct', payload, timeoutMs);
  }
  list(city: string, payload: CityPayload<'list'>, timeoutMs: number): Promise<CityResult<'list'>> {
    return this.send(city, 'list', payload, timeoutMs);
  }

  targets(
    city: string,
    payload: CityPayload<'targets'>,
    timeoutMs: number,
  ): Promise<CityResult<'targets'>> {
    return this.send(city, 'targets', payload, timeoutMs);
  }

  setTargets(
    city: string,
    payload: CityPayload<'setTargets'>,
    timeoutMs: number,
  ): Promise<CityResult<'setTargets'>> {
    return this.send(city, 'setTargets', payload, timeoutMs);
  }

  async messageRoom(timeoutMs: number): Promise<number | undefined> {
    const nats = this.nats;
    if (nats === undefined) return undefined;
    try {
      await withTimeout(nats.connect(), timeoutMs);
      const limit = nats.unwrap<NatsConnection>().info?.max_payload;
      return limit === undefined ? undefined : limit - FRAME_MARGIN_BYTES;
    } catch {
      // The import goes on with IMPORT_BATCH_BYTES; its batches say whether NATS is there.
      return undefined;
    }
  }

  async onModuleDestroy(): Promise<void> {
    const clients = [...this.tcp.values(), ...(this.nats === undefined ? [] : [this.nats])];
    await Promise.all(
      clients.map(async (client) => {
        try {
          await client.close();
        } catch (error) {
          this.logger.warn(`closing a worker client: ${String(error)}`);
        }
      }),
    );
  }

  private attempts<T>(city: string, send: () => Observable<T>, timeoutMs: number): Promise<T> {
    if (this.nats === undefined || this.failover.replicas(city) < 1) {
      return firstValueFrom(send().pipe(timeout(timeoutMs)));
    }
    return attemptsWithin(send, timeoutMs, this.failover.attemptMs);
  }

  private async send<K extends CityMessageName>(
    city: string,
    message: K,
    payload: CityPayload<K>,
    timeoutMs: number,
  ): Promise<CityResult<K>> {
    const client = this.nats ?? this.tcp.get(city);
    if (client === undefined) throw new CityCallError(city, 'no worker is configured');
    const requestId = currentRequestId();
    const packet: CityPayload<K> & RequestMeta =
      requestId === undefined ? payload : { ...payload, requestId };
    const timer = this.metrics.cityCallDuration.startTimer({ city, pattern: message });
    try {
      const result = await this.attempts(
        city,
        () => client.send<CityResult<K>>(cityPatterns(city)[message], packet),
        timeoutMs,
      );
      timer({ outcome: 'ok' });
      this.lastFailures.delete(city);
      return result;
    } catch (error) {
      const failure = toCityCallError(city, error, timeoutMs);
      timer({ outcome: callOutcome(error, failure) });
      // The answer names no host or port; the log keeps them for whoever runs the cluster, once
      // per new failure (a city down is asked every second while a dashboard is open).
      const detail = String(error);
      if (failure.workerError === undefined && this.lastFailures.get(city) !== detail) {
        this.lastFailures.set(city, detail);
        this.logger.warn(`${city}: ${detail}`);
      }
      throw failure;
    }
  }
}

/**
 * Over NATS, a city's replicas share its subjects and each request reaches one of them. A request
 * one of them leaves unanswered (killed, cut off) is sent again after `attemptMs`, and one that
 * could not leave (this gateway's link to NATS being restored) or that a replica behind its
 * stream turned down is sent again at once, until the call's own timeout: a write retried is the
 * same entry of the city's stream (its id), applied once.
 */
async function attemptsWithin<T>(
  send: () => Observable<T>,
  timeoutMs: number,
  attemptMs: number,
): Promise<T> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const left = deadline - performance.now();
    try {
      return await firstValueFrom(send().pipe(timeout(Math.max(1, Math.min(attemptMs, left)))));
    } catch (error) {
      const again =
        error instanceof TimeoutError || !isWorkerError(error) || error.code === REPLICA_BEHIND;
      if (!again || deadline - performance.now() < RETRY_PAUSE_MS) throw error;
      if (!(error instanceof TimeoutError)) await sleep(RETRY_PAUSE_MS);
    }
  }
}

/** `error` for a worker's refusal, `timeout`, or `unreachable` (no worker, a broken link). */
function callOutcome(error: unknown, failure: CityCallError): string {
  if (failure.workerError !== undefined) return 'error';
  return error instanceof TimeoutError ? 'timeout' : 'unreachable';
}

function toCityCallError(city: string, error: unknown, timeoutMs: number): CityCallError {
  if (error instanceof TimeoutError) {
    return new CityCallError(city, `no answer within ${timeoutMs} ms`);
  }
  if (isWorkerError(error)) return new CityCallError(city, error.message, error);
  return new CityCallError(
    city,
    publicReason(error instanceof Error ? error.message : String(error)),
  );
}

/** A worker's RpcException body arrives as a plain object, never an Error. */
function isWorkerError(error: unknown): error is RpcErrorBody {
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { code?: unknown }).code === 'string' &&
    typeof (error as { message?: unknown }).message === 'string' &&
    !(error instanceof Error)
  );
}
