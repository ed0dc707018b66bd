import { createReadStream } from 'node:fs';
import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { pollUntil } from '#platform';
import { seedIfEmpty } from '#domain/ingest';
import { INTERNAL_ACCESS } from '../auth/access.js';
import { CitiesService, type CityStatus } from '../cities/cities.service.js';
import type { SeedConfig } from '../config/gateway-config.js';
import { SEED_CONFIG } from '../config/tokens.js';
import { ImportsService } from '../imports/imports.service.js';

const SEED_WAIT_MS = 120_000;

/**
 * With SEED_FILE set, imports it once the SEED_CITIES are up, if they are all empty (a
 * deployment's first start), through the same import path as `POST /imports`; never blocks the
 * start itself.
 */
@Injectable()
export class SeedService implements OnApplicationBootstrap {
  private readonly logger = new Logger(SeedService.name);

  constructor(
    @Inject(SEED_CONFIG) private readonly config: SeedConfig,
    private readonly cities: CitiesService,
    private readonly imports: ImportsService,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.file === '') return;
    void this.seed().then(
      (said) => {
        this.logger.log(said);
      },
      (error: unknown) => {
        this.logger.error(`seeding ${this.config.file}: ${String(error)}`);
      },
    );
  }

  /** Imports the seed file if every seed city is up and empty; says what it did. */
  async seed(): Promise<string> {
    const { file } = this.config;
    let statuses: CityStatus[] = [];
    const allUp = await pollUntil(
      async () => {
        statuses = await this.cities.statuses(INTERNAL_ACCESS);
        const up = new Set(statuses.filter((s) => s.status === 'up').map((s) => s.city));
        return this.config.cities.every((city) => up.has(city));
      },
      SEED_WAIT_MS,
      500,
    );
    if (!allUp)
      throw new Error(`${this.config.cities.join(', ')} not all up after ${SEED_WAIT_MS} ms`);
    return seedIfEmpty(file, statuses, () =>
      this.imports.importCsv(INTERNAL_ACCESS, createReadStream(file)),
    );
  }
}
