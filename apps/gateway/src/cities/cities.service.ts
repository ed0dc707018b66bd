import { Inject, Injectable } from '@nestjs/common';
import type { Access } from '../auth/access.js';
import { CityRegistry, type ReplicaSighting } from '../cluster/city-registry.service.js';
import { CITY_WORKERS, type CityWorkers } from '../cluster/city-workers.port.js';
import type { CallTimeouts } from '../config/gateway-config.js';
import { CALL_TIMEOUTS } from '../config/tokens.js';
import { elapsedMs } from '../shared/elapsed.js';

export interface CityStatus {
  readonly city: string;
  readonly transport: string;
  readonly status: 'up' | 'down';
  readonly transactions: number | null;
  readonly latencyMs: number | null;
  readonly firstMonth: string | null;
  readonly lastMonth: string | null;
  /** Milliseconds since the worker's last heartbeat (NATS); null without heartbeats. */
  readonly silentForMs: number | null;
  /**
   * Over NATS, each worker of the city that answers heartbeats: with JetStream, its replicas,
   * each with the last entry of the city's stream it applied. Empty over TCP.
   */
  readonly replicas: readonly ReplicaSighting[];
  /** Why the city is down. */
  readonly error?: string;
}

@Injectable()
export class CitiesService {
  constructor(
    private readonly registry: CityRegistry,
    @Inject(CITY_WORKERS) private readonly workers: CityWorkers,
    @Inject(CALL_TIMEOUTS) private readonly timeouts: CallTimeouts,
  ) {}

  /** Every served city, asked at once, each within STATUS_TIMEOUT_MS. */
  /** The cities `access` may read, each asked now. */
  statuses(access: Access): Promise<CityStatus[]> {
    return Promise.all(
      this.registry.cities.filter((city) => access.canRead(city)).map((city) => this.status(city)),
    );
  }

  private async status(city: string): Promise<CityStatus> {
    const started = performance.now();
    const transport = this.registry.transport;
    const silentForMs = this.registry.silenceMs(city) ?? null;
    const replicas = this.registry.replicas(city);
    try {
      const info = await this.workers.info(city, {}, this.timeouts.statusMs);
      return {
        city,
        transport,
        status: 'up',
        transactions: info.transactions,
        latencyMs: elapsedMs(started),
        firstMonth: info.firstMonth,
        lastMonth: info.lastMonth,
        silentForMs,
        replicas,
      };
    } catch (error) {
      return {
        city,
        transport,
        status: 'down',
        transactions: null,
        latencyMs: null,
        firstMonth: null,
        lastMonth: null,
        silentForMs,
        replicas,
        error: error instanceof Error ? error.message : String(error),
      };
    }
  }
}
