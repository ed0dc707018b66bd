import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import type { TestingModule } from '@nestjs/testing';
import { InProcessCityWorkers } from '../../../../test/support/in-process-city-workers.js';
import { gatewayModule } from '../../../../test/support/in-process-gateway.js';
import { CityRegistry } from '../cluster/city-registry.service.js';
import { DiscoveryController } from './discovery.controller.js';

const beat = (city: unknown, extra: Record<string, unknown> = {}): unknown => ({
  city,
  instance: 'w-1',
  transactions: 0,
  intervalMs: 2000,
  ...extra,
});

describe(DiscoveryController.name, () => {
  let workers: InProcessCityWorkers;
  let module: TestingModule;
  let sut: DiscoveryController;
  let registry: CityRegistry;

  beforeEach(async () => {
    // Lyon configured; Toulouse has a worker that answers but is not configured.
    workers = await InProcessCityWorkers.start(['Lyon', 'Toulouse']);
    module = await gatewayModule(workers, {
      TRANSPORT: 'nats',
      CITIES: 'Lyon',
      CITY_WORKERS: '',
      FORGET_SILENT_CITY_MS: '1000',
    });
    sut = module.get(DiscoveryController);
    registry = module.get(CityRegistry);
  });

  afterEach(async () => {
    await module.close();
    await workers.close();
  });

  it('serves a city from its heartbeat only when a worker of it answers', async () => {
    // What any client of the broker can publish: a city no worker serves, an empty one, garbage.
    for (const heartbeat of [beat('Nowhere'), beat(''), beat(' '), beat(42), beat('Lyon\n'), 7]) {
      await sut.heartbeat(heartbeat);
    }
    await sut.heartbeat(beat('Toulouse', { intervalMs: 'soon' }));
    expect(registry.cities).toEqual(['Lyon']);
    await sut.heartbeat(beat('Toulouse'));
    expect(registry.cities).toEqual(['Lyon', 'Toulouse']);
  });

  it('forgets a learnt city silent for FORGET_SILENT_CITY_MS, never a configured one', async () => {
    await sut.heartbeat(beat('Toulouse'));
    await sut.heartbeat(beat('Lyon'));
    expect(registry.cities).toEqual(['Lyon', 'Toulouse']);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(registry.cities).toEqual(['Lyon']);
    expect(registry.resolve('toulouse')).toBeUndefined();
  });
});
