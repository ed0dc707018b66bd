import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { EventReader } from '../../../../test/support/event-reader.js';
import { citiesOfCsv } from '../../../../test/support/export-cities.js';
import { fixturePath } from '../../../../test/support/fixtures.js';
import { InProcessCityWorkers } from '../../../../test/support/in-process-city-workers.js';
import { inProcessGateway } from '../../../../test/support/in-process-gateway.js';
import { signInCookie, testUsersFile } from '../../../../test/support/users.js';
import { AuthGuard } from './auth.guard.js';

const HEADER = 'transaction_id,date,ville,type,modele,prix,duree_location_mois';
const CITIES = ['Lyon', 'Marseille', 'Paris'];

interface OpenApi {
  paths: Record<string, Record<string, unknown>>;
}

describe(AuthGuard.name, () => {
  let workers: InProcessCityWorkers;
  let app: NestExpressApplication;
  let baseUrl: string;
  let admin: Record<string, string>;
  let claire: Record<string, string>;

  beforeAll(async () => {
    workers = await InProcessCityWorkers.start(CITIES);
    ({ app, baseUrl } = await inProcessGateway(workers, {
      USERS_FILE: await testUsersFile(),
      LIVE_WATCH_MS: '100',
    }));
    admin = { cookie: await signInCookie(baseUrl, 'admin') };
    claire = { cookie: await signInCookie(baseUrl, 'claire') };
    const imported = await fetch(`${baseUrl}/imports`, {
      method: 'POST',
      headers: { ...admin, 'content-type': 'text/csv' },
      body: readFileSync(fixturePath('ok/three-cities.csv')),
    });
    expect(imported.status).toBe(200);
  });

  afterAll(async () => {
    await app.close();
    await workers.close();
  });

  const send = (path: string, init: RequestInit = {}): Promise<Response> =>
    fetch(`${baseUrl}${path}`, init);

  it('answers 401 UNAUTHENTICATED on every endpoint of the API without a credential, but health and sign-in', async () => {
    const document = (await (await send('/docs-json')).json()) as OpenApi;
    const answers: [string, number, string][] = [];
    for (const [path, operations] of Object.entries(document.paths)) {
      for (const method of Object.keys(operations)) {
        const url = path.replace(/\{[^}]+\}/g, 'X1');
        const response = await send(url, { method: method.toUpperCase() });
        const body = response.headers.get('content-type')?.includes('json')
          ? ((await response.json()) as { code?: string })
          : {};
        answers.push([`${method.toUpperCase()} ${path}`, response.status, body.code ?? '']);
      }
    }
    const open = answers.filter(([, status]) => status !== 401);
    expect(open.map(([route]) => route).sort()).toEqual([
      'GET /health',
      'GET /health/event-loop',
      'POST /auth/login',
      'POST /auth/logout',
    ]);
    expect(answers.length).toBeGreaterThan(20);
    expect(
      answers
        .filter(([, status]) => status === 401)
        .every(([, , code]) => code === 'UNAUTHENTICATED'),
    ).toBe(true);
  });

  it('gives a Marseille manager the review PDF of Marseille alone, titled as her cities', async () => {
    const response = await send('/reviews/pdf?month=2024-02', { headers: claire });
    expect(response.headers.get('content-type')).toBe('application/pdf');
    const file = join(mkdtempSync(join(tmpdir(), 'review-')), 'review.pdf');
    writeFileSync(file, Buffer.from(await response.arrayBuffer()));
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(
      /[\u00A0\u202F]/g,
      ' ',
    );
    // M1, 28 February 2024: 35 000,50 €.
    expect(text).toContain('Vos villes : Marseille');
    expect(text).toContain('35 000,50 €');
    expect(text.split('\n').filter((line) => /^\s*(Lyon|Paris)\b/.test(line))).toEqual([]);
    const paris = await send('/reviews/pdf?month=2024-02&city=Paris', { headers: claire });
    expect([paris.status, ((await paris.json()) as { code: string }).code]).toEqual([
      403,
      'FORBIDDEN_CITY',
    ]);
  });

  it('shows a Marseille manager Marseille alone: reports, company, exports, cities and transactions; Paris named is 403', async () => {
    const summary = (await (await send('/reports/summary', { headers: claire })).json()) as {
      cities: string[];
      from: string;
      to: string;
      data: { company: { months: { revenue: number }[] }; monthly: { city: string }[] };
    };
    expect(summary.cities).toEqual(['Marseille']);
    const asAdmin = (await (
      await send(`/reports/company?city=Marseille&from=${summary.from}&to=${summary.to}`, {
        headers: admin,
      })
    ).json()) as {
      data: unknown;
    };
    expect(summary.data.company).toEqual(asAdmin.data);
    const paris = await send('/reports/summary?city=Paris', { headers: claire });
    expect(paris.status).toBe(403);
    expect(await paris.json()).toMatchObject({ code: 'FORBIDDEN_CITY', cities: ['Paris'] });
    const csv = await (await send('/reports/monthly?format=csv', { headers: claire })).text();
    expect(citiesOfCsv(csv)).toEqual(['Marseille']);
    const cities = (await (await send('/cities', { headers: claire })).json()) as {
      city: string;
    }[];
    expect(cities.map(({ city }) => city)).toEqual(['Marseille']);
    const listed = (await (await send('/transactions?size=100', { headers: claire })).json()) as {
      rows: { ville: string }[];
      total: number;
    };
    expect(new Set(listed.rows.map(({ ville }) => ville))).toEqual(new Set(['Marseille']));
    expect(listed.total).toBe((await workers.info('Marseille', {})).transactions);
    expect((await send('/transactions?city=Paris', { headers: claire })).status).toBe(403);
  });

  it("tells a Marseille manager's stream nothing of a Paris import, and of Marseille's", async () => {
    const stream = await EventReader.open(`${baseUrl}/events`, claire);
    try {
      const write = (csv: string): Promise<Response> =>
        send('/imports', {
          method: 'POST',
          headers: { ...admin, 'content-type': 'text/csv' },
          body: csv,
        });
      expect((await write(`${HEADER}\nP900,2025-06-01,Paris,vente,BMW_X1,30000,NULL`)).status).toBe(
        200,
      );
      expect(
        (await write(`${HEADER}\nM900,2025-06-02,Marseille,vente,BMW_X1,30000,NULL`)).status,
      ).toBe(200);
      // Events arrive in order: the first one this stream hears must be Marseille's.
      expect((await stream.next('data')).data).toEqual({ cities: ['Marseille'], accepted: 1 });
    } finally {
      stream.close();
    }
  });

  it('lets a direction user read every city but not write', async () => {
    const direction = { cookie: await signInCookie(baseUrl, 'direction') };
    const summary = (await (await send('/reports/summary', { headers: direction })).json()) as {
      cities: string[];
    };
    expect(summary.cities).toEqual(CITIES);
    const before = await workers.info('Lyon', {});
    const write = await send('/transactions', {
      method: 'POST',
      headers: { ...direction, 'content-type': 'application/json' },
      body: JSON.stringify({
        transaction_id: 'D1',
        date: '2025-06-01',
        ville: 'Lyon',
        type: 'vente',
        modele: 'BMW_X1',
        prix: 9600,
        duree_location_mois: null,
      }),
    });
    expect(write.status).toBe(403);
    expect(await write.json()).toMatchObject({ code: 'FORBIDDEN' });
    expect(await workers.info('Lyon', {})).toMatchObject({ transactions: before.transactions });
  });

  it("refuses by line the Paris rows of a Lyon importer's token, and stores nothing for Paris", async () => {
    const created = await send('/auth/tokens', {
      method: 'POST',
      headers: { ...admin, 'content-type': 'application/json' },
      body: JSON.stringify({
        name: 'nightly-lyon',
        role: 'importer',
        cities: ['Lyon'],
        expiresInDays: 30,
      }),
    });
    expect(created.status).toBe(201);
    const { token, id } = (await created.json()) as { token: string; id: string };
    const bearer = { authorization: `Bearer ${token}` };
    const parisBefore = (await workers.info('Paris', {})).transactions;
    const answer = await send('/imports', {
      method: 'POST',
      headers: { ...bearer, 'content-type': 'text/csv' },
      body: [
        HEADER,
        'IMP-1,2025-07-01,Lyon,vente,BMW_X1,30000,NULL',
        'IMP-2,2025-07-02,Paris,vente,BMW_X1,30000,NULL',
        'IMP-3,2025-07-03,Lyon,location,BMW_X1,900,12',
      ].join('\n'),
    });
    const outcome = (await answer.json()) as {
      accepted: number;
      rejected: number;
      errors: { line: number; code: string }[];
    };
    expect([answer.status, outcome]).toMatchObject([200, { accepted: 2, rejected: 1 }]);
    expect(outcome.errors.map(({ line, code }) => [line, code])).toEqual([[3, 'FORBIDDEN_CITY']]);
    expect((await workers.info('Paris', {})).transactions).toBe(parisBefore);
    expect(
      (await send('/transactions/IMP-1?city=Paris', { method: 'DELETE', headers: bearer })).status,
    ).toBe(403);

    const revoked = await send(`/auth/tokens/${id}`, { method: 'DELETE', headers: admin });
    expect(revoked.status).toBe(200);
    const after = await send('/reports/summary', { headers: bearer });
    expect(after.status).toBe(401);
    expect(await after.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('refuses a session cookie replayed after sign-out', async () => {
    const cookie = { cookie: await signInCookie(baseUrl, 'direction') };
    expect((await send('/cities', { headers: cookie })).status).toBe(200);
    expect((await send('/auth/logout', { method: 'POST', headers: cookie })).status).toBe(204);
    const replayed = await send('/cities', { headers: cookie });
    expect(replayed.status).toBe(401);
  });
});
