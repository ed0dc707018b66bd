import { spawnSync } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';

/** An app's main, or another built entry given by its path under dist/apps. */
const entry = (app: string): string =>
  fileURLToPath(
    new URL(`../../dist/apps/${app.endsWith('.js') ? app : `${app}/src/main.js`}`, import.meta.url),
  );

describe('a process started with a bad environment', () => {
  it.each([
    ['gateway', { TRANSPORT: 'pigeon' }, 'TRANSPORT must be one of tcp, nats, not "pigeon"'],
    ['gateway', { TRANSPORT: 'tcp' }, 'CITY_WORKERS is required'],
    ['city-worker', { WORKER_PORT: '99999' }, 'CITY is required'],
    [
      'city-worker',
      { CITY: 'Lyon', WORKER_PORT: '99999' },
      'WORKER_PORT must be a whole number from 1 to 65535, not "99999"',
    ],
    ['city-worker', { CITY: '...' }, 'CITY "..." holds no letter or digit: it names no city'],
    [
      'city-worker',
      { CITY: 'Lyon', JETSTREAM_REPLICAS: '7' },
      'JETSTREAM_REPLICAS must be a whole number from 1 to 5, not "7"',
    ],
    [
      'cli/src/start.js',
      { REPLICAS_PER_CITY: '2' },
      'REPLICAS_PER_CITY above 1 needs TRANSPORT=nats (and JetStream on the NATS server)',
    ],
  ])('%s %j stops at once, saying what is wrong', (app, env, message) => {
    const run = spawnSync(process.execPath, [entry(app)], {
      env: { PATH: process.env.PATH ?? '', ...env },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('invalid configuration:');
    expect(run.stderr).toContain(message);
  });

  it('gateway on a port already taken stops at once, saying so', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, resolve));
    const { port } = taken.address() as AddressInfo;
    try {
      const run = spawnSync(process.execPath, [entry('gateway')], {
        env: { PATH: process.env.PATH ?? '', PORT: String(port), CITY_WORKERS: 'Lyon=127.0.0.1:1' },
        encoding: 'utf8',
        timeout: 20_000,
      });
      expect(run.status).toBe(1);
      expect(run.stderr).toContain(`gateway: port ${port} is taken by another program`);
    } finally {
      taken.close();
    }
  });
});
