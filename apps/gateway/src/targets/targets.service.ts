import { Inject, Injectable } from '@nestjs/common';
import type { TargetsOutcome } from '#contracts';
import { DomainError, ErrorCode, FixedCityDirectory, parseMonth } from '#domain/model';
import {
  readTargetsCsv,
  targetToRecord,
  type Target,
  type TargetRecord,
  type TargetScope,
} from '#domain/targets';
import { chunkDecoder, type Charset } from '#input';
import { forbiddenCity, type Access } from '../auth/access.js';
import { CityRegistry } from '../cluster/city-registry.service.js';
import { CITY_WORKERS, type CityWorkers } from '../cluster/city-workers.port.js';
import { answerOf, throwIfAnyFailed } from '../cluster/every-city.js';
import type { CallTimeouts } from '../config/gateway-config.js';
import { CALL_TIMEOUTS } from '../config/tokens.js';
import { GatewayError, GatewayErrorCode } from '../errors/gateway-errors.js';

/** A targets file is a few hundred lines; anything this large is not one. */
export const MAX_TARGETS_BYTES = 1024 * 1024;

/** Targets are kept by their city's worker, beside its shard; the gateway reads and routes them. */
@Injectable()
export class TargetsService {
  constructor(
    private readonly registry: CityRegistry,
    @Inject(CITY_WORKERS) private readonly workers: CityWorkers,
    @Inject(CALL_TIMEOUTS) private readonly timeouts: CallTimeouts,
  ) {}

  /**
   * Reads a targets CSV and sends each city its valid lines; says why the others were refused.
   * A city that does not confirm is 503 PARTIAL_IMPORT, the others' targets being stored.
   */
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
    const byCity = groupByCity(reading.targets);
    const cities = [...byCity.keys()];
    const answers = await Promise.allSettled(
      cities.map((city) =>
        this.workers.setTargets(
          city,
          { set: byCity.get(city)!.map(targetToRecord) },
          this.timeouts.ingestMs,
        ),
      ),
    );
    let stored = 0;
    let replaced = 0;
    const notApplied: string[] = [];
    answers.forEach((answer, index) => {
      if (answer.status === 'fulfilled') {
        stored += byCity.get(cities[index]!)!.length;
        replaced += answer.value.replaced;
      } else notApplied.push(cities[index]!);
    });
    if (notApplied.length > 0) {
      throw new GatewayError(
        503,
        GatewayErrorCode.PartialImport,
        `${notApplied.join(', ')} did not confirm its targets: the other cities' are stored; send the file again to complete it`,
        { ...outcome(stored, replaced), notApplied },
      );
    }
    return outcome(stored, replaced);
  }

  /** The targets of the cities the caller reads (or of those named), optionally of some months. */
  async list(
    access: Access,
    cities: readonly string[] | undefined,
    from?: string,
    to?: string,
  ): Promise<TargetRecord[]> {
    const first = monthParameter('from', from);
    const last = monthParameter('to', to);
    const scope = access.scope(this.registry.resolveAll(cities), cities !== undefined);
    const answers = await Promise.allSettled(
      scope.map((city) => this.workers.targets(city, {}, this.timeouts.reportMs)),
    );
    throwIfAnyFailed(scope, answers);
    return answers.flatMap((answer, index) =>
      answer.status === 'rejected'
        ? []
        : answer.value.targets
            .map((record) => ({ ...record, city: scope[index]! }))
            .filter((record) => {
              const month = parseMonth(record.month)!;
              return (
                (first === undefined || month >= first) && (last === undefined || month <= last)
              );
            }),
    );
  }

  /** Removes the target of a city, month and type (`total` when none). */
  async remove(
    access: Access,
    city: string,
    month: string,
    type: string | undefined,
  ): Promise<void> {
    const [resolved] = access.scope(this.registry.resolveAll([city]), true, 'write');
    monthParameter('month', month);
    const scope = scopeParameter(type);
    const answer = await answerOf(
      resolved!,
      this.workers.setTargets(
        resolved!,
        { remove: { month, type: scope === 'total' ? null : scope } },
        this.timeouts.ingestMs,
      ),
    );
    if (!answer.removed) {
      throw new GatewayError(
        404,
        GatewayErrorCode.TargetNotFound,
        `no target for ${resolved!} ${month} (${scope})`,
      );
    }
  }
}

function groupByCity(targets: readonly Target[]): Map<string, Target[]> {
  const byCity = new Map<string, Target[]>();
  for (const target of targets) {
    const list = byCity.get(target.city) ?? [];
    list.push(target);
    byCity.set(target.city, list);
  }
  return byCity;
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
      { parameter: name },
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
    { parameter: 'type' },
  );
}
