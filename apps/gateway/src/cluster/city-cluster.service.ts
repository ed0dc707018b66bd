import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { ClientProxyFactory, Transport, type ClientProxy } from '@nestjs/microservices';
import { TimeoutError, firstValueFrom, timeout } from 'rxjs';
import { FixedCityDirectory } from '#domain';
import { cityPatterns, type CityHeartbeat, type CityPatterns } from '#contracts';
import { natsConnection } from '#platform';
import type { GatewayConfig } from '../config/gateway-config.js';
import { GATEWAY_CONFIG } from '../config/tokens.js';
import { CityCallError } from './city-call.error.js';

interface Sighting {
  readonly instance: string;
  readonly seenAt: number;
  readonly intervalMs: number;
}

/**
 * The city workers the gateway knows, and the one way to call them: with a timeout, always.
 * Over TCP the cities are configured; over NATS they may also be discovered from the workers'
 * heartbeats, at run time, and a city once seen stays known (silent, it is reported down).
 */
@Injectable()
export class CityCluster implements OnModuleDestroy {
  private readonly clients = new Map<string, ClientProxy>();
  private readonly shared: ClientProxy | undefined;
  private readonly sightings = new Map<string, Sighting>();
  private known: FixedCityDirectory;
  private readonly logger = new Logger(CityCluster.name);

  constructor(@Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig) {
    this.known = new FixedCityDirectory(config.cities.map(({ city }) => city));
    this.shared =
      config.transport === 'nats'
        ? ClientProxyFactory.create({
            transport: Transport.NATS,
            options: natsConnection(config.natsUrl, 'gateway'),
          })
        : undefined;
    for (const endpoint of config.cities) {
      this.clients.set(
        endpoint.city,
        this.shared ??
          ClientProxyFactory.create({
            transport: Transport.TCP,
            options: { host: endpoint.host, port: endpoint.port },
          }),
      );
    }
  }

  get transport(): string {
    return this.config.transport;
  }

  /** The served cities, sorted: configured ones, then any discovered. */
  get cities(): readonly string[] {
    return this.known.cities;
  }

  get directory(): FixedCityDirectory {
    return this.known;
  }

  /** Learns a city from a worker's heartbeat (NATS). */
  register(heartbeat: CityHeartbeat): void {
    if (this.shared === undefined) return;
    const city = this.known.resolve(heartbeat.city) ?? heartbeat.city;
    if (!this.clients.has(city)) {
      this.clients.set(city, this.shared);
      this.known = new FixedCityDirectory([...this.known.cities, city]);
      this.logger.log(`discovered ${city} (worker ${heartbeat.instance})`);
    }
    const previous = this.sightings.get(city);
    const now = Date.now();
    if (
      previous !== undefined &&
      previous.instance !== heartbeat.instance &&
      now - previous.seenAt < 2 * previous.intervalMs
    ) {
      this.logger.error(
        `two workers announce ${city} (${previous.instance} and ${heartbeat.instance}): stop one, they would count rows twice`,
      );
    }
    this.sightings.set(city, {
      instance: heartbeat.instance,
      seenAt: now,
      intervalMs: heartbeat.intervalMs,
    });
  }

  /** Milliseconds since the city's last heartbeat; undefined if it never sent one. */
  silenceMs(city: string): number | undefined {
    const sighting = this.sightings.get(city);
    return sighting === undefined ? undefined : Date.now() - sighting.seenAt;
  }

  /** Sends `payload` to `city`'s `pattern`; rejects with a {@link CityCallError}. */
  async call<T>(
    city: string,
    pattern: keyof CityPatterns,
    payload: unknown,
    timeoutMs: number,
  ): Promise<T> {
    const client = this.clients.get(city);
    if (client === undefined) throw new CityCallError(city, 'no worker is configured');
    try {
      return await firstValueFrom(
        client.send<T>(cityPatterns(city)[pattern], payload).pipe(timeout(timeoutMs)),
      );
    } catch (error) {
      throw toCityCallError(city, error, timeoutMs);
    }
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.all(
      [...new Set(this.clients.values())].map(async (client) => {
        try {
          await client.close();
        } catch (error) {
          this.logger.warn(`closing a worker client: ${String(error)}`);
        }
      }),
    );
  }
}

function toCityCallError(city: string, error: unknown, timeoutMs: number): CityCallError {
  if (error instanceof TimeoutError) {
    return new CityCallError(city, `no answer within ${timeoutMs} ms`);
  }
  if (isWorkerError(error)) return new CityCallError(city, error.message, error);
  if (error instanceof Error) return new CityCallError(city, error.message);
  return new CityCallError(city, String(error));
}

function isWorkerError(
  error: unknown,
): error is { code: string; message: string; details?: Record<string, unknown> } {
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { code?: unknown }).code === 'string' &&
    typeof (error as { message?: unknown }).message === 'string' &&
    !(error instanceof Error)
  );
}
