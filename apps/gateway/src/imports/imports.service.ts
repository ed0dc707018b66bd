import { Inject, Injectable } from '@nestjs/common';
import { CsvRecordReader } from '#domain';
import { Utf8ChunkDecoder } from '#platform';
import { CityCluster } from '../cluster/city-cluster.service.js';
import type { GatewayConfig } from '../config/gateway-config.js';
import { GATEWAY_CONFIG } from '../config/tokens.js';
import { GatewayError, GatewayErrorCode } from '../errors/gateway-errors.js';
import type { ImportOutcome } from './import-outcome.js';
import { ImportSession } from './import-session.js';

/** Streams CSV into the city workers (see {@link ImportSession}); never holds the whole body. */
@Injectable()
export class ImportsService {
  constructor(
    private readonly cluster: CityCluster,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  async importCsv(body: AsyncIterable<Buffer>): Promise<ImportOutcome> {
    const session = this.session();
    const reader = new CsvRecordReader({
      record: (record) => {
        session.record(record);
      },
      malformed: (error) => {
        session.malformed(error);
      },
    });
    const decoder = new Utf8ChunkDecoder();
    let bytes = 0;
    for await (const chunk of body) {
      bytes += chunk.length;
      if (bytes > this.config.maxImportBytes) {
        throw new GatewayError(
          413,
          GatewayErrorCode.ImportTooLarge,
          `the body is over MAX_IMPORT_BYTES (${this.config.maxImportBytes} bytes); what was sent before the limit is in 'outcome'`,
          { outcome: await session.settle() },
        );
      }
      let text: string;
      try {
        text = decoder.decode(chunk);
      } catch {
        throw new GatewayError(
          400,
          GatewayErrorCode.InvalidBody,
          `the body is not valid UTF-8 (after about ${bytes - chunk.length} bytes); what was read before is in 'outcome'`,
          { outcome: await session.settle() },
        );
      }
      reader.push(text);
      await session.drain();
    }
    reader.push(decoder.end());
    reader.end();
    return this.complete(session);
  }

  /** Imports records already known one by one: line i of `csv` is reported as item `i + 1`. */
  async importRecords(header: string, records: readonly string[]): Promise<ImportOutcome> {
    const session = this.session();
    let item = 0;
    const reader = new CsvRecordReader({
      record: (record) => {
        record.line = item;
        item += 1;
        session.record(record);
      },
      malformed: (error) => {
        session.malformed(error);
      },
    });
    reader.push(`${header}\n${records.join('\n')}\n`);
    reader.end();
    return this.complete(session);
  }

  private session(): ImportSession {
    return new ImportSession(this.cluster, {
      batchRows: this.config.importBatchRows,
      batchBytes: this.config.importBatchBytes,
      maxInFlight: this.config.importMaxInFlight,
      ingestTimeoutMs: this.config.ingestTimeoutMs,
    });
  }

  private async complete(session: ImportSession): Promise<ImportOutcome> {
    const outcome = await session.finish();
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
}
