import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import type { TestingModule } from '@nestjs/testing';
import { INTERNAL_ACCESS } from '../auth/access.js';
import { fixturePath, loadFixture } from '../../../../test/support/fixtures.js';
import { InProcessCityWorkers } from '../../../../test/support/in-process-city-workers.js';
import { gatewayModule } from '../../../../test/support/in-process-gateway.js';
import { ImportsService } from '../imports/imports.service.js';
import { CitiesService } from './cities.service.js';

describe(CitiesService.name, () => {
  let workers: InProcessCityWorkers;
  let module: TestingModule;
  let sut: CitiesService;

  beforeEach(async () => {
    workers = await InProcessCityWorkers.start(['Lyon', 'Marseille', 'Paris']);
    module = await gatewayModule(workers);
    sut = module.get(CitiesService);
  });

  afterEach(async () => {
    await module.close();
    await workers.close();
  });

  it('reports every city up with what it holds and its month bounds', async () => {
    await module
      .get(ImportsService)
      .importCsv(INTERNAL_ACCESS, [readFileSync(fixturePath('ok/three-cities.csv'))]);
    const { stores } = loadFixture('ok/three-cities.csv');
    const lyonSummary = stores.summarize().cities.find(({ city }) => city === 'Lyon');
    const statuses = await sut.statuses(INTERNAL_ACCESS);
    expect(statuses.map(({ city, status, transactions }) => [city, status, transactions])).toEqual(
      ['Lyon', 'Marseille', 'Paris'].map((city) => [city, 'up', stores.storeFor(city).length]),
    );
    const lyon = statuses[0];
    const months = lyonSummary?.cells.month ?? [];
    expect([lyon?.firstMonth, lyon?.lastMonth]).toEqual([
      monthText(Math.min(...months)),
      monthText(Math.max(...months)),
    ]);
  });

  it('reports a stopped city down with the reason, the others up', async () => {
    workers.stop('Marseille');
    const statuses = await sut.statuses(INTERNAL_ACCESS);
    expect(statuses.map(({ status }) => status)).toEqual(['up', 'down', 'up']);
    expect(statuses[1]).toMatchObject({ transactions: null, latencyMs: null });
    expect(statuses[1]?.error).toBe('Marseille: its worker refuses connections (not running?)');
  });
});

/** A month index (months since year 0) as `YYYY-MM`, computed here without the domain's helper. */
function monthText(index: number): string {
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}
