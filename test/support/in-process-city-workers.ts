import { DEFAULT_MAX_FUTURE_DAYS, DEFAULT_MAX_MODELS_PER_CITY } from '#domain/ingest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Test, type TestingModule } from '@nestjs/testing';
import { DomainError } from '#domain/model';
import type { CityMessageName, CityPayload, CityResult } from '#contracts';
import { decodeBlockFrame, encodeBlockFrame } from '#platform';
import { CityWorkerModule } from '../../apps/city-worker/src/city-worker.module.js';
import { CityService } from '../../apps/city-worker/src/city.service.js';
import { rpcErrorBody } from '../../apps/city-worker/src/domain-rpc.filter.js';
import type { CityStream } from '../../apps/city-worker/src/replica/city-stream.js';
import type { ShardWriter } from '../../apps/city-worker/src/shard/shard-writer.js';
import { CityCallError } from '../../apps/gateway/src/cluster/city-call.error.js';
import { publicReason } from '../../apps/gateway/src/cluster/public-reason.js';
import type { CityWorkers } from '../../apps/gateway/src/cluster/city-workers.port.js';

interface Worker {
  readonly module: TestingModule;
  readonly service: CityService;
}

/** A real worker's Nest module, its shard in `dataDir`. */
export async function workerModule(
  city: string,
  dataDir: string,
  options: {
    shardWriter?: ShardWriter;
    onFatal?: (error: Error) => void;
    metricsPort?: number;
    maxModels?: number;
    /** The city's stream: the worker is one of its replicas. */
    stream?: CityStream;
  } = {},
): Promise<TestingModule> {
  const module = await Test.createTestingModule({
    imports: [
      CityWorkerModule.forRoot({
        config: {
          city,
          transport: 'tcp',
          host: '127.0.0.1',
          port: 0,
          natsUrl: '',
          dataDir,
          heartbeatMs: 60_000,
          maxFutureDays: DEFAULT_MAX_FUTURE_DAYS,
          jetstreamReplicas: 1,
          metricsPort: options.metricsPort ?? 0,
          maxModels: options.maxModels ?? DEFAULT_MAX_MODELS_PER_CITY,
          logging: { level: 'info', format: 'json' },
        },
        onFatal: options.onFatal ?? ((): void => undefined),
        shardWriter: options.shardWriter,
        stream: options.stream,
      }),
    ],
  }).compile();
  return module.init();
}

/**
 * The city workers in this process: each a real worker module (service, store, shard on disk)
 * behind the gateway's port. Payloads and results go through JSON, as on the wire, and a domain
 * error arrives as the worker's error body, as over TCP or NATS. A city can be taken down.
 */
export class InProcessCityWorkers implements CityWorkers {
  private readonly down = new Set<string>();
  /** Hung cities, each with what lets its calls go on. */
  private readonly hung = new Map<string, { until: Promise<void>; release: () => void }>();

  private constructor(
    private readonly workers: Map<string, Worker>,
    readonly dataDir: string,
  ) {}

  static async start(
    cities: readonly string[],
    dataDir = mkdtempSync(join(tmpdir(), 'in-process-')),
  ): Promise<InProcessCityWorkers> {
    const workers = new Map<string, Worker>();
    for (const city of cities) {
      const module = await workerModule(city, dataDir);
      workers.set(city, { module, service: module.get(CityService) });
    }
    return new InProcessCityWorkers(workers, dataDir);
  }

  get cities(): string[] {
    return [...this.workers.keys()];
  }

  /** From now on, calls to `city` fail as a stopped worker's would. */
  stop(city: string): void {
    this.down.add(city);
  }

  /** From now on, calls to `city` get no answer until it resumes, as a hung worker's would. */
  hang(city: string): void {
    let release = (): void => undefined;
    const until = new Promise<void>((resolve) => {
      release = resolve;
    });
    this.hung.set(city, { until, release });
  }

  resume(city: string): void {
    this.down.delete(city);
    this.hung.get(city)?.release();
    this.hung.delete(city);
  }

  ingest(city: string, payload: CityPayload<'ingest'>): Promise<CityResult<'ingest'>> {
    return this.call(city, 'ingest', payload);
  }

  summarize(city: string, payload: CityPayload<'summarize'>): Promise<CityResult<'summarize'>> {
    return this.call(city, 'summarize', payload);
  }

  info(city: string, payload: CityPayload<'info'>): Promise<CityResult<'info'>> {
    return this.call(city, 'info', payload);
  }

  correct(city: string, payload: CityPayload<'correct'>): Promise<CityResult<'correct'>> {
    return this.call(city, 'correct', payload);
  }

  list(city: string, payload: CityPayload<'list'>): Promise<CityResult<'list'>> {
    return this.call(city, 'list', payload);
  }

  targets(city: string, payload: CityPayload<'targets'>): Promise<CityResult<'targets'>> {
    return this.call(city, 'targets', payload);
  }

  setTargets(city: string, payload: CityPayload<'setTargets'>): Promise<CityResult<'setTargets'>> {
    return this.call(city, 'setTargets', payload);
  }

  async close(): Promise<void> {
    for (const city of this.hung.keys()) this.resume(city);
    await Promise.all([...this.workers.values()].map(({ module }) => module.close()));
  }

  private async call<K extends CityMessageName>(
    city: string,
    message: K,
    payload: CityPayload<K>,
  ): Promise<CityResult<K>> {
    // A transport never answers within the caller's turn; neither does this adapter.
    await Promise.resolve();
    await this.hung.get(city)?.until;
    const worker = this.workers.get(city);
    if (worker === undefined) throw new CityCallError(city, 'no worker is configured');
    if (this.down.has(city))
      throw new CityCallError(city, publicReason('connect ECONNREFUSED (stopped)'));
    const handler = worker.service[message] as (
      payload: CityPayload<K>,
    ) => CityResult<K> | Promise<CityResult<K>>;
    try {
      return wire(await handler.call(worker.service, wire(payload)));
    } catch (error) {
      if (error instanceof DomainError) {
        throw new CityCallError(city, error.message, rpcErrorBody(error));
      }
      throw new CityCallError(city, error instanceof Error ? error.message : String(error));
    }
  }
}

/** What crossing a transport does to a value: a block frame out and in (JSON, a batch's text as UTF-8). */
function wire<T>(value: T): T {
  return (decodeBlockFrame(encodeBlockFrame({ data: value })) as { data: T }).data;
}
