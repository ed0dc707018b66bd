import { randomUUID } from 'node:crypto';
import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
  Optional,
} from '@nestjs/common';
import { ClientProxyFactory, Transport, type ClientProxy } from '@nestjs/microservices';
import { CITY_HEARTBEAT_PATTERN, type CityHeartbeat } from '#contracts';
import { natsConnection } from '#platform';
import { CityService } from './city.service.js';
import { ReplicaLog } from './replica/replica-log.service.js';
import { WORKER_CONFIG } from './tokens.js';
import type { WorkerConfig } from './worker-config.js';

/** Over NATS, announces the worker every HEARTBEAT_MS: gateways learn the served cities from it. */
@Injectable()
export class HeartbeatService implements OnApplicationBootstrap, OnApplicationShutdown {
  readonly instance = randomUUID();
  private client: ClientProxy | undefined;
  private timer: NodeJS.Timeout | undefined;
  private readonly logger = new Logger(HeartbeatService.name);

  constructor(
    @Inject(WORKER_CONFIG) private readonly config: WorkerConfig,
    private readonly cities: CityService,
    @Optional() private readonly replica?: ReplicaLog,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.transport !== 'nats') return;
    this.client = ClientProxyFactory.create({
      transport: Transport.NATS,
      options: natsConnection(
        this.config.natsUrl,
        `heartbeat-${this.config.city}`,
        this.config.natsCredentials,
      ),
    });
    this.beat();
    this.timer = setInterval(() => {
      this.beat();
    }, this.config.heartbeatMs);
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.client?.close();
  }

  private beat(): void {
    const heartbeat: CityHeartbeat = {
      city: this.config.city,
      instance: this.instance,
      transactions: this.cities.transactions,
      intervalMs: this.config.heartbeatMs,
      ...(this.replica === undefined ? {} : { appliedVersion: this.replica.applied }),
    };
    this.client?.emit(CITY_HEARTBEAT_PATTERN, heartbeat).subscribe({
      error: (error: unknown) => {
        this.logger.warn(`heartbeat not sent: ${String(error)}`);
      },
    });
  }
}
