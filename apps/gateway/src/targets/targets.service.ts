import { Injectable } from '@nestjs/common';
import { DomainError, ErrorCode, FixedCityDirectory, parseMonth } from '#domain/model';
import {
  readTargetsCsv,
  targetToRecord,
  type TargetRecord,
  type TargetScope,
} from '#domain/targets';
import { chunkDecoder, type Charset } from '#input';
import { forbiddenCity, type Access } from '../auth/access.js';
import { CityRegistry } from '../cluster/city-registry.service.js';
import { GatewayError, GatewayErrorCode } from '../errors/gateway-errors.js';
import { TargetStore } from './target-store.service.js';
import type { TargetsOutcome } from '#contracts';

/** A targets file is a few hundred lines; anything this large is not one. */
export const MAX_TARGETS_BYTES = 1024 * 1024;

@Injectable()
export class TargetsService {
  constructor(
    private readonly store: TargetStore,
    private readonly registry: CityRegistry,
  ) {}

  /** Reads a targets CSV; stores its valid lines (when there is one) and says why the others were refused. */
  async importCsv(
    access: Access,
    body: AsyncIterable<Buffer>,
    charset: Charset,
  ): Promise<TargetsOutcome> {
    const text = await readText(body, charset);
    const reading = readTargetsCsv(text, new FixedCityDirectory(this.registry.cities), (city) =>
      access.canWrite(city) ? undefined : forbiddenCity(access.principal, [city], 'write').message,
    );
    if (reading.received === 0) {
      throw new GatewayError(400, GatewayErrorCode.NoRows, 'the file has a header and no target');
    }
    const outcome = (stored: number, replaced: number): TargetsOutcome => ({
      dialect: reading.dialect,
      received: reading.received,
      stored,
      replaced,
      rejected: reading.errors.length,
      errors: reading.errors,
    });
    if (reading.targets.length === 0) {
      throw new GatewayError(
        422,
        GatewayErrorCode.NothingImported,
        `none of the ${reading.received} targets is valid: nothing was stored (see errors)`,
        { ...outcome(0, 0) },
      );
    }
    const { stored, replaced } = await this.store.set(reading.targets);
    return outcome(stored, replaced);
  }

  /** The targets of the cities the caller reads, optionally of some cities and months. */
  list(
    access: Access,
    cities: readonly string[] | undefined,
    from?: string,
    to?: string,
  ): TargetRecord[] {
    const scope = new Set(access.scope(this.registry.resolveAll(cities), cities !== undefined));
    const first = monthParameter('from', from);
    const last = monthParameter('to', to);
    return this.store.book
      .list()
      .filter(
        (target) =>
          scope.has(target.city) &&
          (first === undefined || target.month >= first) &&
          (last === undefined || target.month <= last),
      )
      .map(targetToRecord);
  }

  /** Removes the target of a city, month and type (`total` when none). */
  async remove(
    access: Access,
    city: string,
    month: string,
    type: string | undefined,
  ): Promise<void> {
    const [resolved] = access.scope(this.registry.resolveAll([city]), true, 'write');
    const index = monthParameter('month', month)!;
    const scope = scopeParameter(type);
    if (!(await this.store.remove({ city: resolved!, month: index, scope }))) {
      throw new GatewayError(
        404,
        GatewayErrorCode.TargetNotFound,
        `no target for ${resolved} ${month} (${scope})`,
      );
    }
  }
}

async function readText(body: AsyncIterable<Buffer>, charset: Charset): Promise<string> {
  const decoder = chunkDecoder(charset);
  let text = '';
  let bytes = 0;
  try {
    for await (const chunk of body) {
      bytes += chunk.length;
      if (bytes > MAX_TARGETS_BYTES) {
        throw new GatewayError(
          413,
          GatewayErrorCode.ImportTooLarge,
          `a targets file is at most ${MAX_TARGETS_BYTES} bytes`,
        );
      }
      text += decoder.decode(chunk);
    }
    return text + decoder.end();
  } catch (error) {
    if (error instanceof GatewayError) throw error;
    throw new GatewayError(
      400,
      GatewayErrorCode.InvalidBody,
      `the body is not readable as ${charset}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

function monthParameter(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const month = parseMonth(text);
  if (month === undefined) {
    throw new DomainError(
      ErrorCode.InvalidQuery,
      `${name} must be a month YYYY-MM, not "${text}"`,
      {
        parameter: name,
      },
    );
  }
  return month;
}

function scopeParameter(type: string | undefined): TargetScope {
  if (type === undefined || type === '' || type === 'total') return 'total';
  if (type === 'vente' || type === 'location') return type;
  throw new DomainError(
    ErrorCode.InvalidQuery,
    `type must be vente, location or total, not "${type}"`,
    {
      parameter: 'type',
    },
  );
}
