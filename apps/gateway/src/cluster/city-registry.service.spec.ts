import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { Logger } from '@nestjs/common';
import type { ClusterConfig } from '../config/gateway-config.js';
import { CityRegistry } from './city-registry.service.js';

const CONFIG: ClusterConfig = {
  transport: 'nats',
  natsUrl: 'nats://127.0.0.1:4222',
  cities: [{ city: 'Lyon', host: '', port: 0 }],
  forgetSilentMs: 60_000,
  replicaAttemptMs: 2000,
};

describe(CityRegistry.name, () => {
  let errors: string[];

  beforeEach(() => {
    jest.useFakeTimers({ now: 1_000_000 });
    errors = [];
    jest.spyOn(Logger.prototype, 'error').mockImplementation((message: unknown) => {
      errors.push(String(message));
    });
  });

  afterEach(() => {
    jest.useRealTimers();
    jest.restoreAllMocks();
  });

  it("lists a city's replicas with the version each applied, and counts those that answer", () => {
    const sut = new CityRegistry(CONFIG);
    sut.register({
      city: 'Lyon',
      instance: 'a',
      transactions: 10,
      intervalMs: 500,
      appliedVersion: 7,
    });
    jest.advanceTimersByTime(200);
    sut.register({
      city: 'lyon',
      instance: 'b',
      transactions: 10,
      intervalMs: 500,
      appliedVersion: 6,
    });
    expect(sut.replicas('Lyon')).toEqual([
      { instance: 'b', appliedVersion: 6, silentForMs: 0 },
      { instance: 'a', appliedVersion: 7, silentForMs: 200 },
    ]);
    expect(sut.liveReplicas('Lyon')).toBe(2);
    expect(errors).toEqual([]);
    // `a` is killed: silent for 3 of its intervals, it is no longer listed nor tried.
    jest.advanceTimersByTime(1400);
    sut.register({
      city: 'Lyon',
      instance: 'b',
      transactions: 10,
      intervalMs: 500,
      appliedVersion: 8,
    });
    expect(sut.replicas('Lyon').map(({ instance }) => instance)).toEqual(['b']);
    expect([sut.liveReplicas('Lyon'), sut.silenceMs('Lyon')]).toEqual([1, 0]);
  });

  it('still says when two sole workers (no stream) announce one city: they would count rows twice', () => {
    const sut = new CityRegistry(CONFIG);
    sut.register({ city: 'Lyon', instance: 'a', transactions: 1, intervalMs: 500 });
    sut.register({ city: 'Lyon', instance: 'b', transactions: 1, intervalMs: 500 });
    expect(errors).toEqual([expect.stringContaining('two workers announce Lyon (a and b)')]);
    expect(sut.liveReplicas('Lyon')).toBe(0);
  });
});
