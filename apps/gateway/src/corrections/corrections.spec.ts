import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { fixturePath } from '../../../../test/support/fixtures.js';
import { InProcessCityWorkers } from '../../../../test/support/in-process-city-workers.js';
import { inProcessGateway } from '../../../../test/support/in-process-gateway.js';

interface Comparison {
  data: { cities: { city: string; revenue: number; transactions: number }[] };
}

const T3 = {
  transaction_id: 'T3',
  date: '2024-02-05',
  ville: 'Lyon',
  type: 'vente',
  modele: 'BMW_X3',
  prix: 50000,
  duree_location_mois: null,
};

describe('corrections: DELETE and PUT /transactions/{id}', () => {
  let workers: InProcessCityWorkers;
  let app: NestExpressApplication;
  let baseUrl: string;

  const send = async (
    method: 'DELETE' | 'PUT',
    path: string,
    body?: unknown,
  ): Promise<{ status: number; body: Record<string, unknown> }> => {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  const lyon = async (): Promise<{ revenue: number; transactions: number }> => {
    const answer = (await (await fetch(`${baseUrl}/reports/comparison`)).json()) as Comparison;
    return answer.data.cities.find((city) => city.city === 'Lyon')!;
  };

  beforeAll(async () => {
    workers = await InProcessCityWorkers.start(['Lyon', 'Marseille', 'Paris']);
    ({ app, baseUrl } = await inProcessGateway(workers));
    await fetch(`${baseUrl}/imports`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv' },
      body: readFileSync(fixturePath('ok/three-cities.csv')),
    });
  });

  afterAll(async () => {
    await app.close();
    await workers.close();
  });

  it('deletes a transaction from the city that holds it; every later report is without it', async () => {
    // Lyon by hand: 103 400 over 4 transactions; T1 is the 45 000 sale.
    expect(await lyon()).toMatchObject({ revenue: 103_400, transactions: 4 });
    expect(await send('DELETE', '/transactions/T1')).toEqual({
      status: 200,
      body: { transactionId: 'T1', cities: ['Lyon'] },
    });
    expect(await lyon()).toMatchObject({ revenue: 58_400, transactions: 3 });
  });

  it('answers 404 with a code for an id no city holds, a deleted one included', async () => {
    const again = await send('DELETE', '/transactions/T1');
    expect(again).toMatchObject({ status: 404, body: { code: 'TRANSACTION_NOT_FOUND' } });
    expect(
      await send('PUT', '/transactions/NOPE', { ...T3, transaction_id: 'NOPE' }),
    ).toMatchObject({
      status: 404,
      body: { code: 'TRANSACTION_NOT_FOUND', transactionId: 'NOPE' },
    });
  });

  it('replaces a transaction with new content, and changes nothing with the same content', async () => {
    expect(await send('PUT', '/transactions/T3', { ...T3, prix: 52000 })).toEqual({
      status: 200,
      body: { transactionId: 'T3', city: 'Lyon', changed: true },
    });
    expect(await lyon()).toMatchObject({ revenue: 60_400, transactions: 3 });
    expect((await send('PUT', '/transactions/T3', { ...T3, prix: 52000 })).body).toMatchObject({
      changed: false,
    });
  });

  it('refuses a replacement that breaks a rule, or names another id, and keeps the held one', async () => {
    const badDate = await send('PUT', '/transactions/T3', { ...T3, date: '2024-02-30' });
    expect(badDate).toMatchObject({ status: 400, body: { code: 'INVALID_BODY' } });
    expect((badDate.body.errors as { code: string }[])[0]?.code).toBe('INVALID_DATE');
    const otherId = await send('PUT', '/transactions/T4', T3);
    expect(otherId).toMatchObject({ status: 400, body: { code: 'INVALID_BODY' } });
    expect(await lyon()).toMatchObject({ revenue: 60_400, transactions: 3 });
  });

  it('answers 503 CITY_UNAVAILABLE naming the city, to a PUT as to a DELETE, while its worker is down', async () => {
    workers.stop('Lyon');
    try {
      const put = await send('PUT', '/transactions/T3', { ...T3, prix: 51000 });
      const deleted = await send('DELETE', '/transactions/T3?city=Lyon');
      for (const answer of [put, deleted]) {
        expect(answer).toMatchObject({
          status: 503,
          body: { code: 'CITY_UNAVAILABLE', cities: ['Lyon'] },
        });
      }
    } finally {
      workers.resume('Lyon');
    }
  });

  it('stores a deleted id again when it is imported again', async () => {
    const response = await fetch(`${baseUrl}/transactions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...T3, transaction_id: 'T1', date: '2024-01-10', prix: 45000 }),
    });
    expect(((await response.json()) as { accepted: number }).accepted).toBe(1);
    expect(await lyon()).toMatchObject({ revenue: 105_400, transactions: 4 });
  });
  it('reads an id in the path as an id in a file: a trailing space or no-break space is no part of it', async () => {
    expect(await lyon()).toMatchObject({ transactions: 4 });
    const put = await send('PUT', `/transactions/${encodeURIComponent('T1\u00a0')}`, {
      ...T3,
      transaction_id: 'T1 ',
      date: '2024-01-10',
      prix: 46000,
    });
    expect(put).toEqual({
      status: 200,
      body: { transactionId: 'T1', city: 'Lyon', changed: true },
    });
    expect(await send('DELETE', `/transactions/${encodeURIComponent('T1\u202f')}`)).toEqual({
      status: 200,
      body: { transactionId: 'T1', cities: ['Lyon'] },
    });
    expect(await lyon()).toMatchObject({ transactions: 3 });
  });
});
