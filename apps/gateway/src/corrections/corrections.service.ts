import { Inject, Injectable } from '@nestjs/common';
import { trimField } from '#domain/model';
import type { CorrectionResult } from '#contracts';
import type { Access } from '../auth/access.js';
import { CityRegistry } from '../cluster/city-registry.service.js';
import { answerOf, throwIfAnyFailed } from '../cluster/every-city.js';
import { CITY_WORKERS, type CityWorkers } from '../cluster/city-workers.port.js';
import type { CallTimeouts } from '../config/gateway-config.js';
import { CALL_TIMEOUTS } from '../config/tokens.js';
import { GatewayError, GatewayErrorCode } from '../errors/gateway-errors.js';
import { LiveEvents } from '../live/live-events.service.js';
import { TRANSACTION_COLUMNS, transactionFields } from '../transactions/transaction-fields.js';
import type { TransactionDto } from '../transactions/transaction.dto.js';

export interface DeletionOutcome {
  readonly transactionId: string;
  /** The cities it was deleted from (ids are unique per city, not across cities). */
  readonly cities: readonly string[];
}

export interface ReplacementOutcome {
  readonly transactionId: string;
  readonly city: string;
  /** False when the new content equals the held one: nothing was written. */
  readonly changed: boolean;
}

/** Deletions and replacements of one transaction, by id, durable in the workers' shards. */
@Injectable()
export class CorrectionsService {
  constructor(
    private readonly registry: CityRegistry,
    @Inject(CITY_WORKERS) private readonly workers: CityWorkers,
    @Inject(CALL_TIMEOUTS) private readonly timeouts: CallTimeouts,
    private readonly live: LiveEvents,
  ) {}

  /** Deletes the id from every city that holds it (or from `city` only). */
  async delete(
    access: Access,
    transactionId: string,
    city: string | undefined,
  ): Promise<DeletionOutcome> {
    const cities = access.scope(
      this.registry.resolveAll(city === undefined ? undefined : [city]),
      city !== undefined,
      'write',
    );
    const answers = await Promise.allSettled(
      cities.map((name) => this.workers.correct(name, { transactionId }, this.timeouts.ingestMs)),
    );
    const deleted = cities.filter((_, index) => {
      const answer = answers[index];
      return answer?.status === 'fulfilled' && answer.value.found;
    });
    if (deleted.length > 0) this.live.publish({ type: 'data', cities: deleted, accepted: null });
    throwIfAnyFailed(cities, answers);
    if (deleted.length === 0) throw notFound(transactionId, cities);
    return { transactionId, cities: deleted };
  }

  /** Gives the id held in the transaction's city the transaction's content. */
  async replace(
    access: Access,
    transactionId: string,
    transaction: TransactionDto,
  ): Promise<ReplacementOutcome> {
    // Compared as stored: trimmed by the rule every record is read with.
    if (trimField(transaction.transaction_id) !== transactionId) {
      throw new GatewayError(
        400,
        GatewayErrorCode.InvalidBody,
        `the body's transaction_id "${transaction.transaction_id}" is not the id in the path "${transactionId}"`,
      );
    }
    const city = this.registry.resolve(transaction.ville);
    if (city === undefined) {
      throw new GatewayError(
        400,
        GatewayErrorCode.InvalidBody,
        `ville "${transaction.ville}" is not a served city (${this.registry.cities.join(', ')})`,
      );
    }
    access.scope([city], true, 'write');
    // Judged as DELETE's answers are: a city that does not answer is a 503 naming it.
    const result: CorrectionResult = await answerOf(
      city,
      this.workers.correct(
        city,
        {
          transactionId,
          replacement: { columns: TRANSACTION_COLUMNS, fields: transactionFields(transaction) },
        },
        this.timeouts.ingestMs,
      ),
    );
    if (result.error !== undefined) {
      throw new GatewayError(
        400,
        GatewayErrorCode.InvalidBody,
        result.error.message.replace(/^line 1: /, ''),
        {
          errors: [result.error],
        },
      );
    }
    if (!result.found) throw notFound(transactionId, [city]);
    if (result.changed) this.live.publish({ type: 'data', cities: [city], accepted: null });
    return { transactionId, city, changed: result.changed };
  }
}

function notFound(transactionId: string, cities: readonly string[]): GatewayError {
  return new GatewayError(
    404,
    GatewayErrorCode.TransactionNotFound,
    `no transaction "${transactionId}" in ${cities.join(', ')}`,
    { transactionId },
  );
}
