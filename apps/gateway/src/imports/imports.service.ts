import { Inject, Injectable } from '@nestjs/common';
import { type KnownHeader } from '#domain/ingest';
import { DomainError } from '#domain/model';
import { chunkDecoder, type Charset, type ChunkDecoder } from '#input';
import type { ImportOutcome } from '#contracts';
import { CityRegistry } from '../cluster/city-registry.service.js';
import { CITY_WORKERS, type CityWorkers } from '../cluster/city-workers.port.js';
import type { CallTimeouts, ImportConfig } from '../config/gateway-config.js';
import { CALL_TIMEOUTS, IMPORT_CONFIG } from '../config/tokens.js';
import { GatewayError, GatewayErrorCode } from '../errors/gateway-errors.js';
import { ImportSession } from './import-session.js';
import { LiveEvents } from '../live/live-events.service.js';
import { forbiddenCity, type Access } from '../auth/access.js';
import { GatewayMetrics } from '../metrics/gateway-metrics.js';

/** Streams CSV into the city workers (see {@link ImportSession}); never holds the whole body. */
@Injectable()
export class ImportsService {
  constructor(
    private readonly registry: CityRegistry,
    @Inject(CITY_WORKERS) private readonly workers: CityWorkers,
    @Inject(IMPORT_CONFIG) private readonly limits: ImportConfig,
    @Inject(CALL_TIMEOUTS) private readonly timeouts: CallTimeouts,
    private readonly live: LiveEvents,
    private readonly metrics: GatewayMetrics,
  ) {}

  /** A CSV in either dialect (docs/metrics.md, "CSV input"), in UTF-8 or Windows-1252. */
  async importCsv(
    access: Access,
    body: AsyncIterable<Buffer> | Iterable<Buffer>,
    charset: Charset = 'utf-8',
  ): Promise<ImportOutcome> {
    const session = await this.session(access);
    const decoder = chunkDecoder(charset);
    try {
      await this.readBody(body, session, decoder);
    } catch (error) {
      if (error instanceof GatewayError || error instanceof DomainError) throw error;
      // The body stopped before its end (a connection cut, a truncated upload): what the rows
      // before the cut made is stored, and said.
      throw new GatewayError(
        400,
        GatewayErrorCode.InvalidBody,
        `the body ended before its end (${error instanceof Error ? error.message : String(error)}); what was stored before is in 'outcome': send the file again (stored rows count as duplicates)`,
        { outcome: this.announce(await session.settle()) },
      );
    }
    session.push(decoder.end());
    return this.complete(session);
  }

  private async readBody(
    body: AsyncIterable<Buffer> | Iterable<Buffer>,
    session: ImportSession,
    decoder: ChunkDecoder,
  ): Promise<void> {
    let bytes = 0;
    for await (const chunk of body) {
      bytes += chunk.length;
      if (bytes > this.limits.maxBytes) {
        throw new GatewayError(
          413,
          GatewayErrorCode.ImportTooLarge,
          `the body is over MAX_IMPORT_BYTES (${this.limits.maxBytes} bytes); what was sent before the limit is in 'outcome'`,
          { outcome: this.announce(await session.settle()) },
        );
      }
      let text: string;
      try {
        text = decoder.decode(chunk);
      } catch {
        throw new GatewayError(
          400,
          GatewayErrorCode.InvalidBody,
          `the body is not valid UTF-8 (after about ${bytes - chunk.length} bytes); what was read before is in 'outcome'. A file Excel saved in Windows-1252 is read with Content-Type: text/csv; charset=windows-1252, or ?charset=windows-1252`,
          { outcome: this.announce(await session.settle()) },
        );
      }
      session.push(text);
      await session.drain();
    }
  }

  /** Imports records given as fields under `columns`: record i is reported as line `i + 1`. */
  async importFields(
    access: Access,
    columns: readonly string[],
    records: readonly (readonly string[])[],
  ): Promise<ImportOutcome> {
    const session = await this.session(access, { columns });
    records.forEach((fields, index) => {
      session.pushFields(fields, index + 1);
    });
    return this.complete(session);
  }

  /**
   * A session whose batches fit the messages the transport carries: IMPORT_BATCH_BYTES, or less
   * when the NATS server announces a smaller max_payload (a batch over it would be refused at
   * every retry).
   */
  private async session(access: Access, header?: KnownHeader): Promise<ImportSession> {
    const room = await this.workers.messageRoom?.(this.timeouts.statusMs);
    const batchBytes =
      room === undefined
        ? this.limits.batchBytes
        : Math.max(1024, Math.min(this.limits.batchBytes, room));
    return new ImportSession(
      this.workers,
      this.registry,
      { ...this.limits, batchBytes },
      this.timeouts.ingestMs,
      header,
      (city) =>
        access.canWrite(city)
          ? undefined
          : forbiddenCity(access.principal, [city], 'write').message,
    );
  }

  private async complete(session: ImportSession): Promise<ImportOutcome> {
    const outcome = await session.finish();
    this.announce(outcome);
    if (outcome.rows === 0) {
      throw new GatewayError(
        400,
        GatewayErrorCode.NoRows,
        'the import holds a header but no record',
      );
    }
    const failed = outcome.cities.filter((city) => city.error !== undefined);
    if (failed.length > 0) {
      throw new GatewayError(
        503,
        GatewayErrorCode.PartialImport,
        `${failed.map((city) => `${city.city} (${String(city.notApplied)} rows not applied: ${city.error ?? ''})`).join(', ')}: the other cities' rows are applied; retry the import to complete it`,
        { ...outcome },
      );
    }
    if (outcome.accepted + outcome.duplicates === 0) {
      throw new GatewayError(
        422,
        GatewayErrorCode.NothingImported,
        `none of the ${outcome.rows} records is valid: nothing was stored (see errors)`,
        { ...outcome },
      );
    }
    return outcome;
  }

  /** Counts the rows and tells the open dashboards that rows were stored, whatever the import's end. */
  private announce(outcome: ImportOutcome): ImportOutcome {
    this.metrics.countImport(outcome);
    if (outcome.accepted > 0) {
      const cities = outcome.cities.filter((city) => city.accepted > 0).map((city) => city.city);
      this.live.publish({ type: 'data', cities, accepted: outcome.accepted });
    }
    return outcome;
  }
}
