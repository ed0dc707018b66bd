import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { ClientProxyFactory, Transport, type ClientProxy } from '@nestjs/microservices';
import { TimeoutError, firstValueFrom, timeout } from 'rxjs';
import { FixedCityDirectory } from '#domain';
import { cityPatterns, type CityPatterns } from '#contracts';
import { natsConnection } from '#platform';
import type { GatewayConfig } from '../config/gateway-config.js';
import { GATEWAY_CONFIG } from '../config/tokens.js';
import { CityCallError } from './city-call.error.js';

/** The city workers the gateway knows, and the one way to call them: with a timeout, always. */
@Injectable()
export class CityCluster implements OnModuleDestroy {
  readonly cities: readonly string[];
  readonly directory: FixedCityDirectory;
  private readonly clients = new Map<string, ClientProxy>();
  private readonly logger = new Logger(CityCluster.name);

  constructor(@Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig) {
    this.directory = new FixedCityDirectory(config.cities.map(({ city }) => city));
    this.cities = this.directory.cities;
    const shared =
      config.transport === 'nats'
        ? ClientProxyFactory.create({
            transport: Transport.NATS,
            options: natsConnection(config.natsUrl, 'gateway'),
          })
        : undefined;
    for (const endpoint of config.cities) {
      this.clients.set(
        endpoint.city,
        shared ??
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
  if (error instanceof TimeoutError)
    return new CityCallError(city, `no answer within ${timeoutMs} ms`);
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
