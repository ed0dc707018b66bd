import { Inject, Injectable } from '@nestjs/common';
import { DEFAULT_TRANSACTION_SORT, compareListed } from '#domain/model';
import type { TransactionList } from '#contracts';
import type { Access } from '../auth/access.js';
import { CityRegistry } from '../cluster/city-registry.service.js';
import { CITY_WORKERS, type CityWorkers } from '../cluster/city-workers.port.js';
import { failedCities, throwIfAnyFailed } from '../cluster/every-city.js';
import { withinDeadline } from '../cluster/within-deadline.js';
import type { CallTimeouts } from '../config/gateway-config.js';
import { CALL_TIMEOUTS } from '../config/tokens.js';
import type { TransactionListQueryDto } from './transaction-list.dto.js';

const DEFAULT_SIZE = 50;

/**
 * The explorer: each city lists its matching transactions in the asked order, as many as the page
 * needs; the gateway merges them in the same order and cuts the page.
 */
@Injectable()
export class TransactionListing {
  constructor(
    private readonly registry: CityRegistry,
    @Inject(CITY_WORKERS) private readonly workers: CityWorkers,
    @Inject(CALL_TIMEOUTS) private readonly timeouts: CallTimeouts,
  ) {}

  async list(
    access: Access,
    {
      city,
      page,
      size,
      flagged,
      partial,
      sort = DEFAULT_TRANSACTION_SORT,
      ...filter
    }: TransactionListQueryDto,
  ): Promise<TransactionList> {
    const names = city?.split(',').map((name) => name.trim());
    const cities = access.scope(this.registry.resolveAll(names), names !== undefined);
    const pageNumber = page === undefined ? 1 : Number(page);
    const pageSize = size === undefined ? DEFAULT_SIZE : Number(size);
    const limit = pageNumber * pageSize;
    const answers = await Promise.allSettled(
      cities.map((name) => {
        const call = this.workers.list(
          name,
          { ...filter, sort, flagged: flagged === 'true', limit },
          this.timeouts.reportMs,
        );
        return partial === 'true' ? withinDeadline(call, this.timeouts.partialMs, name) : call;
      }),
    );
    if (partial !== 'true') throwIfAnyFailed(cities, answers);
    const pages = answers.flatMap((answer) =>
      answer.status === 'fulfilled' ? [answer.value] : [],
    );
    const rows = pages.flatMap((each) => each.rows).sort(compareListed(sort));
    return {
      total: pages.reduce((sum, each) => sum + each.total, 0),
      page: pageNumber,
      size: pageSize,
      rows: rows.slice(limit - pageSize, limit),
      missingCities: failedCities(cities, answers),
    };
  }
}
