import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type {
  CityHandlers,
  CityInfo,
  CorrectionRequest,
  CorrectionResult,
  IngestBatch,
  IngestResult,
  ListRequest,
  ListResult,
  SetTargetsRequest,
  SetTargetsResult,
  SummarizeRequest,
  TargetsResult,
} from '#contracts';
import type { CitySummary } from '#domain/summary';
import { CityService } from '../city.service.js';
import { ReplicaLog } from './replica-log.service.js';

/**
 * A replica's handlers: every write goes through the city's stream (and is applied from it, by
 * every replica), every read waits for the entries the stream held when it came. A batch's id in
 * the stream is its import's session and sequence, so that a batch retried through another
 * replica is recognised (JetStream's dedup) and applied once. A correction or a targets change
 * gets a fresh id: applied twice, it changes nothing more.
 */
@Injectable()
export class ReplicatedCity implements CityHandlers {
  constructor(
    private readonly log: ReplicaLog,
    private readonly city: CityService,
  ) {}

  async ingest(batch: IngestBatch): Promise<IngestResult> {
    const id =
      batch.order === undefined ? randomUUID() : `${batch.order.session}.${batch.order.sequence}`;
    return (await this.log.write({ kind: 'ingest', batch }, id)) as IngestResult;
  }

  async correct(request: CorrectionRequest): Promise<CorrectionResult> {
    return (await this.log.write({ kind: 'correct', request }, randomUUID())) as CorrectionResult;
  }

  async setTargets(request: SetTargetsRequest): Promise<SetTargetsResult> {
    return (await this.log.write(
      { kind: 'setTargets', request },
      randomUUID(),
    )) as SetTargetsResult;
  }

  summarize(request: SummarizeRequest): Promise<CitySummary> {
    return this.log.read(() => this.city.summarize(request));
  }

  /** The version is the stream entry applied: the same on every replica that applied it. */
  info(): Promise<CityInfo> {
    return this.log.read(() => ({ ...this.city.info(), version: `s${this.log.applied}` }));
  }

  list(request: ListRequest): Promise<ListResult> {
    return this.log.read(() => this.city.list(request));
  }

  targets(): Promise<TargetsResult> {
    return this.log.read(() => this.city.targets());
  }
}
