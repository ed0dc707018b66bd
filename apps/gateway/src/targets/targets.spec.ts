import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { fixturePath } from '../../../../test/support/fixtures.js';
import { InProcessCityWorkers } from '../../../../test/support/in-process-city-workers.js';
import { inProcessGateway } from '../../../../test/support/in-process-gateway.js';
import { signInCookie, testUsersFile } from '../../../../test/support/users.js';
import { TargetsController } from './targets.controller.js';

const CITIES = ['Lyon', 'Marseille', 'Paris'];

interface TargetsAnswer {
  data: {
    cities: {
      city: string;
      months: { month: string; target: number | null; attainment: number | null }[];
    }[];
  };
}

describe(TargetsController.name, () => {
  let workers: InProcessCityWorkers;
  let app: NestExpressApplication;
  let baseUrl: string;
  let env: Record<string, string>;
  let admin: Record<string, string>;

  beforeAll(async () => {
    workers = await InProcessCityWorkers.start(CITIES);
    env = {
      USERS_FILE: await testUsersFile(),
      GATEWAY_DATA_DIR: mkdtempSync(join(tmpdir(), 'targets-')),
    };
    ({ app, baseUrl } = await inProcessGateway(workers, env));
    admin = { cookie: await signInCookie(baseUrl, 'admin') };
    const imported = await post(
      '/imports',
      readFileSync(fixturePath('ok/three-cities.csv')),
      admin,
    );
    expect(imported.status).toBe(200);
  });

  afterAll(async () => {
    await app.close();
    await workers.close();
  });

  const post = (
    path: string,
    body: Buffer | string,
    headers: Record<string, string>,
  ): Promise<Response> =>
    fetch(`${baseUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv', ...headers },
      body,
    });

  const lyonAttainment = async (): Promise<(number | null)[]> => {
    const answer = (await (
      await fetch(`${baseUrl}/reports/targets?city=Lyon`, { headers: admin })
    ).json()) as TargetsAnswer;
    return answer.data.cities[0]!.months.map((month) => month.attainment);
  };

  it('refuses a file’s bad lines by line, stores the good ones, and reports attainment against them', async () => {
    const response = await post(
      '/targets',
      readFileSync(fixturePath('not-ok/targets-bad-lines.csv')),
      admin,
    );
    expect(response.status).toBe(200);
    const outcome = (await response.json()) as {
      stored: number;
      rejected: number;
      errors: { line: number; code: string }[];
    };
    expect([outcome.stored, outcome.rejected]).toEqual([2, 11]);
    expect(outcome.errors[0]).toMatchObject({ line: 3, code: 'INVALID_MONTH' });
    const listed = await (await fetch(`${baseUrl}/targets`, { headers: admin })).json();
    expect(listed).toEqual([
      { city: 'Lyon', month: '2024-01', type: null, target: 50000 },
      { city: 'Paris', month: '2024-02', type: 'vente', target: 1000 },
    ]);
    // Lyon, January 2024: T1 45 000 + T2 800 x 3 = 47 400 against 50 000.
    expect(await lyonAttainment()).toEqual([0.948, null, null]);
  });

  it('replaces a target of the same city, month and type; the French Excel file gives the same', async () => {
    const response = await post(
      '/targets',
      readFileSync(fixturePath('ok/targets-three-cities-excel-fr.csv')),
      admin,
    );
    expect(await response.json()).toMatchObject({
      dialect: 'french-excel',
      stored: 7,
      replaced: 1,
      rejected: 0,
    });
    // 47 400 / 50 000, 50 000 / 40 000, 6 000 / 10 000.
    expect(await lyonAttainment()).toEqual([0.948, 1.25, 0.6]);
  });

  it('refuses an importer’s lines of another city by line, and any write of a direction user', async () => {
    const importer = { cookie: await signInCookie(baseUrl, 'lyon-import') };
    const mixed = await post(
      '/targets',
      'ville,mois,objectif\nLyon,2024-04,1000\nParis,2024-04,1000\n',
      importer,
    );
    expect(await mixed.json()).toMatchObject({
      stored: 1,
      errors: [{ line: 3, code: 'FORBIDDEN_CITY', field: 'ville' }],
    });
    const direction = { cookie: await signInCookie(baseUrl, 'direction') };
    const refused = await post('/targets', 'ville,mois,objectif\nLyon,2024-05,1000\n', direction);
    expect([refused.status, ((await refused.json()) as { code: string }).code]).toEqual([
      403,
      'FORBIDDEN',
    ]);
  });

  it('answers 422 with the errors when no line is valid, 400 for a bad header', async () => {
    const none = await post('/targets', 'ville,mois,objectif\nLyon,2024-13,1000\n', admin);
    expect(none.status).toBe(422);
    expect(await none.json()).toMatchObject({
      code: 'NOTHING_IMPORTED',
      errors: [{ line: 2, code: 'INVALID_MONTH' }],
    });
    const header = await post('/targets', 'ville,month,objectif\nLyon,2024-01,1000\n', admin);
    expect([header.status, ((await header.json()) as { code: string }).code]).toEqual([
      400,
      'MISSING_COLUMN',
    ]);
  });

  it('shows a change made through one gateway at the next report of another', async () => {
    const other = await inProcessGateway(workers, {
      ...env,
      GATEWAY_DATA_DIR: mkdtempSync(join(tmpdir(), 'targets-other-')),
    });
    try {
      const cookie = { cookie: await signInCookie(other.baseUrl, 'admin') };
      const attainment = async (): Promise<number | null | undefined> => {
        const answer = (await (
          await fetch(`${other.baseUrl}/reports/targets?city=Lyon`, { headers: cookie })
        ).json()) as TargetsAnswer;
        return answer.data.cities[0]!.months[0]!.attainment;
      };
      expect(await attainment()).toBe(0.948);
      // 47 400 against 60 000, set through the first gateway.
      await post('/targets', 'ville,mois,objectif\nLyon,2024-01,60000\n', admin);
      expect(await attainment()).toBe(0.79);
      await post('/targets', 'ville,mois,objectif\nLyon,2024-01,50000\n', admin);
      expect(await attainment()).toBe(0.948);
    } finally {
      await other.app.close();
    }
  });

  it('removes a target, and keeps the others beside the city’s shard across a restart of the workers', async () => {
    const removed = await fetch(`${baseUrl}/targets/lyon/2024-04`, {
      method: 'DELETE',
      headers: admin,
    });
    expect(removed.status).toBe(204);
    const again = await fetch(`${baseUrl}/targets/Lyon/2024-04`, {
      method: 'DELETE',
      headers: admin,
    });
    expect(((await again.json()) as { code: string }).code).toBe('TARGET_NOT_FOUND');
    await app.close();
    await workers.close();
    workers = await InProcessCityWorkers.start(CITIES, workers.dataDir);
    ({ app, baseUrl } = await inProcessGateway(workers, {
      ...env,
      GATEWAY_DATA_DIR: mkdtempSync(join(tmpdir(), 'targets-after-')),
    }));
    admin = { cookie: await signInCookie(baseUrl, 'admin') };
    expect(await lyonAttainment()).toEqual([0.948, 1.25, 0.6]);
    expect(
      readdirSync(workers.dataDir)
        .filter((file) => file.endsWith('.targets.json'))
        .sort(),
    ).toEqual(['lyon.targets.json', 'marseille.targets.json', 'paris.targets.json']);
  });
});
