import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import {
  freePort,
  startNatsServer,
  type NatsServer,
} from '../../apps/cli/src/start/local-services.js';
import { getJson } from '../support/cluster.js';
import {
  REPO,
  interpolate,
  loadCompose,
  localEnvironment,
  startService,
  stopService,
} from '../support/compose.js';
import { eventually, post } from '../support/http.js';
import { natsServerOrSkip } from '../support/nats.js';
import { testUsersFile } from '../support/users.js';

jest.setTimeout(120_000);

const binary = natsServerOrSkip('docker-compose.yml run as local processes');

/** The admin credential the compose file passes to the gateway from `.env` (API_KEY). */
const API_KEY = 'compose-test-admin-key';
const AUTH = { 'x-api-key': API_KEY };

interface CityStatus {
  city: string;
  status: string;
  transactions: number | null;
}

if (binary !== undefined) {
  describe('docker-compose.yml run as local processes, with the environment it gives each service', () => {
    const compose = loadCompose();
    const volumes = mkdtempSync(join(tmpdir(), 'compose-volumes-'));
    const running = new Map<string, ChildProcess>();
    let nats: NatsServer;
    let baseUrl: string;

    /** Starts a service; `key` tells apart two processes of one service. */
    const start = (name: string, port?: number, key = name): ChildProcess => {
      const service = compose.services[name]!;
      const env = localEnvironment(service, {
        natsUrl: nats.url,
        port,
        volumeDir: (volume) => join(volumes, volume),
      });
      const child = startService(service, env);
      running.set(key, child);
      return child;
    };
    const cities = async (): Promise<CityStatus[]> =>
      (await getJson(`${baseUrl}/cities`, AUTH)).body as unknown as CityStatus[];

    beforeAll(async () => {
      // What an operator's .env gives docker compose: the users file and the API key.
      process.env.USERS_FILE_PATH = await testUsersFile();
      process.env.API_KEY = API_KEY;
      // NATS as the file runs it: its configuration (users and permissions) and its environment.
      const natsService = compose.services.nats!;
      const natsEnv = Object.fromEntries(
        Object.entries(natsService.environment ?? {}).map(([name, value]) => [
          name,
          interpolate(String(value)),
        ]),
      );
      const mounted = (natsService.volumes ?? []).find((volume) =>
        volume.endsWith(':/etc/nats/nats.conf:ro'),
      );
      nats = await startNatsServer(binary, undefined, {
        file: join(REPO, (mounted ?? '').split(':')[0]!),
        env: natsEnv,
      });
      const port = await freePort();
      baseUrl = `http://127.0.0.1:${port}`;
      start('gateway', port);
      for (const name of ['worker-lyon', 'worker-paris', 'worker-marseille']) start(name);
    });

    afterAll(async () => {
      await Promise.all([...running.values()].map(stopService));
      await nats.stop();
    });

    it('discovers the three cities and seeds the sample data from the read-only mount', async () => {
      await eventually(
        async () => (await cities()).filter((city) => city.status === 'up').length === 3,
        30_000,
      );
      expect((await cities()).map((city) => city.city)).toEqual(['Lyon', 'Marseille', 'Paris']);
      await eventually(async () => {
        const { body } = await getJson(`${baseUrl}/reports/comparison`, AUTH);
        return (
          (body.data as { total: { transactions: number } } | undefined)?.total.transactions ===
          50_000
        );
      }, 30_000);
    });

    it('refuses a second worker of a city already served, and counts nothing twice', async () => {
      const second = start('worker-lyon', undefined, 'second worker-lyon');
      const [code] = (await once(second, 'exit')) as [number];
      expect(code).toBe(1);
      const lyon = (await cities()).find((city) => city.city === 'Lyon');
      expect(lyon).toMatchObject({ status: 'up', transactions: 14_868 });
    });

    it('adds Toulouse from the expansion profile with no gateway change, and routes its rows to it', async () => {
      start('worker-toulouse');
      await eventually(
        async () =>
          (await cities()).some((city) => city.city === 'Toulouse' && city.status === 'up'),
        15_000,
      );
      const csv = [
        'transaction_id,date,ville,type,modele,prix,duree_location_mois',
        'TLS1,2026-01-05,Toulouse,vente,Tesla_Model_Y,48000,NULL',
        'TLS2,2026-01-06,toulouse,location,Tesla_Model_3,800,24',
        'LYN1,2026-01-07,Lyon,vente,BMW_X3,58000,NULL',
      ].join('\n');
      const answer = await post(`${baseUrl}/imports`, csv, { 'content-type': 'text/csv', ...AUTH });
      expect(answer.status).toBe(200);
      expect(answer.body.cities).toEqual(
        expect.arrayContaining([expect.objectContaining({ city: 'Toulouse', accepted: 2 })]),
      );
      const split = await getJson(`${baseUrl}/reports/split?city=Toulouse`, AUTH);
      expect(split.body.data).toMatchObject([
        {
          city: 'Toulouse',
          sales: { count: 1, revenue: 48_000 },
          rentals: { count: 1, revenue: 19_200 },
        },
      ]);
    });

    it('reports a city that goes silent as down: 503 naming it, or without it with partial=true', async () => {
      const toulouse = running.get('worker-toulouse');
      if (toulouse !== undefined) await stopService(toulouse);
      await eventually(async () =>
        (await cities()).some((city) => city.city === 'Toulouse' && city.status === 'down'),
      );
      const refused = await getJson(`${baseUrl}/reports/summary`, AUTH);
      expect(refused.status).toBe(503);
      expect(refused.body).toMatchObject({ code: 'CITY_UNAVAILABLE', cities: ['Toulouse'] });
      const lyon = await getJson(`${baseUrl}/reports/summary?city=Lyon`, AUTH);
      expect([lyon.status, lyon.body.cities]).toEqual([200, ['Lyon']]);
      const partial = await getJson(`${baseUrl}/reports/summary?partial=true`, AUTH);
      expect(partial.body).toMatchObject({
        cities: ['Lyon', 'Marseille', 'Paris'],
        meta: { missingCities: ['Toulouse'] },
      });
    });
  });
}
