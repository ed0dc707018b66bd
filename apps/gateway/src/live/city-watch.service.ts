import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { INTERNAL_ACCESS } from '../auth/access.js';
import { CitiesService, type CityStatus } from '../cities/cities.service.js';
import type { LiveConfig } from '../config/gateway-config.js';
import { LIVE_CONFIG } from '../config/tokens.js';
import { LiveEvents } from './live-events.service.js';

/**
 * While someone listens to `/events`, asks every city for its state each LIVE_WATCH_MS and
 * announces a city going up or down, and a change in a city's count of transactions: that covers
 * what this gateway does not see itself (another gateway's imports, a worker restarted empty).
 */
@Injectable()
export class CityWatch implements OnModuleDestroy {
  private listeners = 0;
  private timer: NodeJS.Timeout | undefined;
  private last = new Map<string, CityStatus>();
  private readonly logger = new Logger(CityWatch.name);

  constructor(
    @Inject(LIVE_CONFIG) private readonly config: LiveConfig,
    private readonly cities: CitiesService,
    private readonly live: LiveEvents,
  ) {}

  /** One more listener; the first starts the watch. */
  acquire(): void {
    this.listeners += 1;
    if (this.listeners === 1) this.schedule(0);
  }

  /** One listener less; the last stops the watch. */
  release(): void {
    this.listeners = Math.max(0, this.listeners - 1);
    if (this.listeners === 0) this.stop();
  }

  onModuleDestroy(): void {
    this.listeners = 0;
    this.stop();
  }

  private stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** Polls one after the other, never overlapping: a slow city delays the next look. */
  private schedule(delayMs: number): void {
    this.timer = setTimeout(() => {
      this.look().then(
        () => {
          if (this.listeners > 0) this.schedule(this.config.watchMs);
        },
        (error: unknown) => {
          this.logger.error(`watching the cities: ${String(error)}`);
          if (this.listeners > 0) this.schedule(this.config.watchMs);
        },
      );
    }, delayMs);
  }

  private async look(): Promise<void> {
    const statuses = await this.cities.statuses(INTERNAL_ACCESS);
    const changed: string[] = [];
    for (const status of statuses) {
      const before = this.last.get(status.city);
      if (before !== undefined && before.status !== status.status) {
        this.live.publish({ type: 'city', city: status.city, status: status.status });
      }
      if (
        before !== undefined &&
        status.transactions !== null &&
        before.transactions !== null &&
        before.transactions !== status.transactions
      ) {
        changed.push(status.city);
      }
    }
    if (changed.length > 0) this.live.publish({ type: 'data', cities: changed, accepted: null });
    this.last = new Map(statuses.map((status) => [status.city, status]));
  }
}
