import { describe, expect, it } from '@jest/globals';
import { ConfigError } from '#platform';
import { readWorkerConfig } from './worker-config.js';

describe(readWorkerConfig.name, () => {
  it('applies the defaults around the one variable required', () => {
    expect(readWorkerConfig({ CITY: ' Lyon ', TRANSPORT: 'NATS' })).toEqual({
      city: 'Lyon',
      transport: 'nats',
      host: '127.0.0.1',
      port: 4001,
      natsUrl: 'nats://127.0.0.1:4222',
      dataDir: 'var/shards',
      heartbeatMs: 2000,
      maxFutureDays: 31,
      maxModels: 2000,
      jetstreamReplicas: 1,
      metricsPort: 0,
      logging: { level: 'info', format: 'json' },
    });
  });

  it('gives the NATS identity NATS_USER and NATS_PASSWORD name, and none without a user', () => {
    const config = readWorkerConfig({ CITY: 'Lyon', NATS_USER: 'worker', NATS_PASSWORD: 'pw' });
    expect(config.natsCredentials).toEqual({ user: 'worker', pass: 'pw' });
    expect(readWorkerConfig({ CITY: 'Lyon', NATS_PASSWORD: 'pw' }).natsCredentials).toBeUndefined();
  });

  it('lists every problem at once, each with its variable and rule', () => {
    let caught: unknown;
    try {
      readWorkerConfig({
        CITY: '--',
        WORKER_PORT: '70000',
        HEARTBEAT_MS: '1.5',
        TRANSPORT: 'udp',
        LOG_LEVEL: 'loud',
        METRICS_PORT: '-1',
      });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    expect((caught as ConfigError).problems).toEqual([
      'CITY "--" holds no letter or digit: it names no city',
      'WORKER_PORT must be a whole number from 1 to 65535, not "70000"',
      'HEARTBEAT_MS must be a whole number from 100 to 600000, not "1.5"',
      'METRICS_PORT must be a whole number from 0 to 65535, not "-1"',
      'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, not "loud"',
      'TRANSPORT must be one of tcp, nats, not "udp"',
    ]);
    expect(() => readWorkerConfig({})).toThrow('CITY is required');
  });
});
