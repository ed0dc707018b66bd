import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { Test, type TestingModule } from '@nestjs/testing';
import { ErrorCode } from '#domain/model';
import { type Comparison } from '#domain/report';
import { INTERNAL_ACCESS } from '../auth/access.js';
import { fixturePath, threeCitiesReport } from '../../../../test/support/fixtures.js';
import { THREE_CITIES_AS_OF } from '../../../../test/support/three-cities-expected.js';
import { InProcessCityWorkers } from '../../../../test/support/in-process-city-workers.js';
import { gatewayModule } from '../../../../test/support/in-process-gateway.js';
import { CITY_WORKERS } from '../cluster/city-workers.port.js';
import { readGatewayConfig } from '../config/gateway-config.js';
import { GatewayModule } from '../gateway.module.js';
import { ImportsService } from '../imports/imports.service.js';
import { ReportsService } from './reports.service.js';

describe(ReportsService.name, () => {
  let workers: InProcessCityWorkers;
  let module: TestingModule;
  let sut: ReportsService;

  beforeEach(async () => {
    workers = await InProcessCityWorkers.start(['Lyon', 'Marseille', 'Paris']);
    module = await gatewayModule(workers);
    sut = module.get(ReportsService);
    await module
      .get(ImportsService)
      .importCsv(INTERNAL_ACCESS, [readFileSync(fixturePath('ok/three-cities.csv'))]);
  });

  afterEach(async () => {
    await module.close();
    await workers.close();
  });

  it('answers every section as the one-process report of the same file', async () => {
    const envelope = await sut.report(
      INTERNAL_ACCESS,
      undefined,
      { asOf: THREE_CITIES_AS_OF },
      false,
    );
    const expected = threeCitiesReport();
    expect({ ...envelope, meta: undefined }).toEqual({
      report: 'summary',
      basis: expected.basis,
      from: expected.from,
      to: expected.to,
      cities: expected.cities,
      data: expected.data,
      meta: undefined,
    });
    expect(envelope.meta.workers.map(({ city }) => city)).toEqual(['Lyon', 'Marseille', 'Paris']);
  });

  it('answers one section under its endpoint name, a city filter keeping the common range', async () => {
    const envelope = await sut.report(
      INTERNAL_ACCESS,
      'topModels',
      { city: 'paris', limit: '1' },
      false,
    );
    const expected = threeCitiesReport({ city: 'Paris', limit: '1' });
    expect([envelope.report, envelope.cities, envelope.from, envelope.to]).toEqual([
      'top-models',
      ['Paris'],
      threeCitiesReport().from,
      threeCitiesReport().to,
    ]);
    expect(envelope.data).toEqual(expected.data.topModels);
  });

  it('fails with CITY_UNAVAILABLE naming a stopped city, or leaves it out with partial', async () => {
    workers.stop('Marseille');
    await expect(sut.report(INTERNAL_ACCESS, 'monthly', {}, false)).rejects.toMatchObject({
      status: 503,
      code: 'CITY_UNAVAILABLE',
      details: { cities: ['Marseille'] },
    });
    const partial = await sut.report(INTERNAL_ACCESS, 'monthly', {}, true);
    expect(partial.cities).toEqual(['Lyon', 'Paris']);
    expect(partial.meta.missingCities).toEqual(['Marseille']);
  });

  it('answers without a hung city once PARTIAL_TIMEOUT_MS have passed, with partial', async () => {
    const hurried = await gatewayModule(workers, { PARTIAL_TIMEOUT_MS: '200' });
    workers.hang('Marseille');
    const started = performance.now();
    const partial = await hurried.get(ReportsService).report(INTERNAL_ACCESS, 'monthly', {}, true);
    const waited = performance.now() - started;
    expect(partial.cities).toEqual(['Lyon', 'Paris']);
    expect(partial.meta.missingCities).toEqual(['Marseille']);
    // REPORT_TIMEOUT_MS is 5 000 ms here: the answer came at the partial deadline.
    expect(waited).toBeGreaterThanOrEqual(190);
    expect(waited).toBeLessThan(2000);
    await hurried.close();
  });

  it('does not wait past PARTIAL_TIMEOUT_MS for the bounds of a hung city the report is not about', async () => {
    const hurried = await gatewayModule(workers, { PARTIAL_TIMEOUT_MS: '200' });
    workers.hang('Lyon');
    const started = performance.now();
    const paris = await hurried
      .get(ReportsService)
      .report(INTERNAL_ACCESS, 'comparison', { city: 'Paris' }, false);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(paris.cities).toEqual(['Paris']);
    await hurried.close();
  });

  it('refuses a city nobody serves with UNKNOWN_CITY', async () => {
    await expect(
      sut.report(INTERNAL_ACCESS, 'split', { city: 'Nice' }, false),
    ).rejects.toMatchObject({
      code: ErrorCode.UnknownCity,
      details: { city: 'Nice', known: ['Lyon', 'Marseille', 'Paris'] },
    });
  });
});

describe(`${ReportsService.name}, under load`, () => {
  it('fetches a city summary again only when its version changed', async () => {
    const workers = await InProcessCityWorkers.start(['Lyon', 'Marseille', 'Paris']);
    const module = await gatewayModule(workers);
    const summarize = jest.spyOn(workers, 'summarize');
    const reports = module.get(ReportsService);
    await module
      .get(ImportsService)
      .importCsv(INTERNAL_ACCESS, [readFileSync(fixturePath('ok/three-cities.csv'))]);
    const first = await reports.report(INTERNAL_ACCESS, undefined, {}, false);
    const second = await reports.report(INTERNAL_ACCESS, undefined, {}, false);
    expect(second.data).toEqual(first.data);
    expect(summarize).toHaveBeenCalledTimes(3);
    await workers.ingest('Lyon', {
      columns: ['transaction_id', 'date', 'ville', 'type', 'modele', 'prix', 'duree_location_mois'],
      lines: [2],
      csv: 'N1,2024-03-20,Lyon,vente,BMW_X1,30000,NULL',
    });
    const third = await reports.report(INTERNAL_ACCESS, 'comparison', {}, false);
    expect(summarize).toHaveBeenCalledTimes(4);
    const lyon = (third.data as Comparison).cities.find((city) => city.city === 'Lyon');
    // 103 400 by hand, plus the 30 000 sale.
    expect(lyon?.revenue).toBe(133_400);
    await module.close();
    await workers.close();
  });

  it('asks each city once for its new summary however many reports want it at once', async () => {
    const workers = await InProcessCityWorkers.start(['Lyon', 'Marseille', 'Paris']);
    const module = await gatewayModule(workers);
    const reports = module.get(ReportsService);
    await module
      .get(ImportsService)
      .importCsv(INTERNAL_ACCESS, [readFileSync(fixturePath('ok/three-cities.csv'))]);
    const info = jest.spyOn(workers, 'info');
    // A summary takes a while to come, as 70 KiB over a socket do: reports pile up meanwhile.
    const slow = workers.summarize.bind(workers);
    const summarize = jest.spyOn(workers, 'summarize').mockImplementation(async (...args) => {
      await new Promise((resolve) => setTimeout(resolve, 50));
      return slow(...args);
    });
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => reports.report(INTERNAL_ACCESS, 'comparison', {}, false)),
    );
    // One summary per city for its version, however many reports wait for it.
    expect(summarize).toHaveBeenCalledTimes(3);
    // At most two info calls per city: the running one, and one for all who came during it.
    expect(info.mock.calls.length).toBeLessThanOrEqual(6);
    const revenues = answers.map(
      ({ data }) => (data as Comparison).cities.find((city) => city.city === 'Lyon')?.revenue,
    );
    // 103 400 by hand.
    expect(new Set(revenues)).toEqual(new Set([103_400]));
    await module.close();
    await workers.close();
  });
});

describe(`${ReportsService.name} and a worker started with CITY=lyon`, () => {
  it('reports the city as the gateway spells it, Lyon, as /cities does', async () => {
    const workers = await InProcessCityWorkers.start(['lyon']);
    // The worker answers to "lyon"; the gateway was configured with "Lyon".
    const lowerCased = new Proxy(workers, {
      get(target, property, receiver): unknown {
        const value: unknown = Reflect.get(target, property, receiver);
        return typeof value === 'function'
          ? (city: string, ...rest: unknown[]): unknown =>
              (value as (...args: unknown[]) => unknown).call(target, city.toLowerCase(), ...rest)
          : value;
      },
    });
    const config = readGatewayConfig({ CITY_WORKERS: 'Lyon=127.0.0.1:1' });
    const module = await Test.createTestingModule({ imports: [GatewayModule.forConfig(config)] })
      .overrideProvider(CITY_WORKERS)
      .useValue(lowerCased)
      .compile();
    await module
      .get(ImportsService)
      .importCsv(INTERNAL_ACCESS, [readFileSync(fixturePath('ok/three-cities.csv'))]);
    const envelope = await module.get(ReportsService).report(INTERNAL_ACCESS, 'monthly', {}, false);
    expect(envelope.cities).toEqual(['Lyon']);
    expect((envelope.data as { city: string }[]).map(({ city }) => city)).toEqual(['Lyon']);
    await module.close();
    await workers.close();
  });
});
