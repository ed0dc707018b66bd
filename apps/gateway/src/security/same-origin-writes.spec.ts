import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { InProcessCityWorkers } from '../../../../test/support/in-process-city-workers.js';
import { inProcessGateway } from '../../../../test/support/in-process-gateway.js';
import { SameOriginWrites } from './same-origin-writes.middleware.js';

const CSV =
  'transaction_id,date,ville,type,modele,prix,duree_location_mois\nS1,2024-01-05,Lyon,vente,BMW_X1,41000,NULL\n';

describe(SameOriginWrites.name, () => {
  let workers: InProcessCityWorkers;
  let app: NestExpressApplication;
  let baseUrl: string;

  beforeAll(async () => {
    workers = await InProcessCityWorkers.start(['Lyon']);
    // No API_KEY: the default, where a cross-site page could write before.
    ({ app, baseUrl } = await inProcessGateway(workers));
  });

  afterAll(async () => {
    await app.close();
    await workers.close();
  });

  const write = (headers: Record<string, string>): Promise<Response> =>
    fetch(`${baseUrl}/imports`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', ...headers },
      body: CSV,
    });

  it("refuses a text/plain POST from another site's page, by Origin or by Sec-Fetch-Site, and stores nothing", async () => {
    const byOrigin = await write({ origin: 'http://evil.example' });
    expect(byOrigin.status).toBe(403);
    expect(await byOrigin.json()).toMatchObject({ code: 'CROSS_SITE_WRITE' });
    expect((await write({ 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect(
      (await fetch(`${baseUrl}/transactions/S1`, { method: 'DELETE', headers: { origin: 'null' } }))
        .status,
    ).toBe(403);
    expect(await workers.info('Lyon', {})).toMatchObject({ transactions: 0 });
  });

  it("lets a program (no Origin) and the gateway's own page (same origin) write", async () => {
    expect((await write({})).status).toBe(200);
    const host = new URL(baseUrl).host;
    const ownPage = await write({ origin: `http://${host}`, 'sec-fetch-site': 'same-origin' });
    expect(ownPage.status).toBe(200);
    expect(await ownPage.json()).toMatchObject({ duplicates: 1 });
  });
});
