import { Inject, Injectable } from '@nestjs/common';
import type { CityInfo } from '#contracts';
import { CityCluster } from '../cluster/city-cluster.service.js';
import type { GatewayConfig } from '../config/gateway-config.js';
import { GATEWAY_CONFIG } from '../config/tokens.js';

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
  /** Why the city is down. */
  readonly error?: string;
}

@Injectable()
export class CitiesService {
  constructor(
    private readonly cluster: CityCluster,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  /** Every configured city, asked at once, each within STATUS_TIMEOUT_MS. */
  statuses(): Promise<CityStatus[]> {
    return Promise.all(this.cluster.cities.map((city) => this.status(city)));
  }

  private async status(city: string): Promise<CityStatus> {
    const started = performance.now();
    const transport = this.cluster.transport;
    try {
      const info = await this.cluster.call<CityInfo>(city, 'info', {}, this.config.statusTimeoutMs);
      return {
        city,
        transport,
        status: 'up',
        transactions: info.transactions,
        latencyMs: performance.now() - started,
        firstMonth: info.firstMonth,
        lastMonth: info.lastMonth,
        silentForMs: this.cluster.silenceMs(city) ?? null,
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
        silentForMs: this.cluster.silenceMs(city) ?? null,
        error: error instanceof Error ? error.message : String(error),
      };
    }
  }
}
