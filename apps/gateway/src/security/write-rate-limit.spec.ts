import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { InProcessCityWorkers } from '../../../../test/support/in-process-city-workers.js';
import { inProcessGateway } from '../../../../test/support/in-process-gateway.js';
import { WriteRateLimit } from './write-rate-limit.middleware.js';

const CSV =
  'transaction_id,date,ville,type,modele,prix,duree_location_mois\nR1,2024-01-05,Lyon,vente,BMW_X1,41000,NULL\n';

describe(WriteRateLimit.name, () => {
  let workers: InProcessCityWorkers;
  let app: NestExpressApplication;
  let baseUrl: string;

  beforeAll(async () => {
    workers = await InProcessCityWorkers.start(['Lyon']);
    ({ app, baseUrl } = await inProcessGateway(workers, {
      WRITES_PER_MINUTE: '3',
      API_KEY: 'right-key',
    }));
  });

  afterAll(async () => {
    await app.close();
    await workers.close();
  });

  function write(key: string): Promise<Response> {
    return fetch(`${baseUrl}/imports`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv', 'x-api-key': key },
      body: CSV,
    });
  }

  it('counts wrong API keys, then refuses every write of the minute with TOO_MANY_REQUESTS', async () => {
    const statuses = [];
    for (let attempt = 0; attempt < 3; attempt += 1) statuses.push((await write('guess')).status);
    expect(statuses).toEqual([401, 401, 401]);
    const refused = await write('right-key');
    expect(refused.status).toBe(429);
    expect(await refused.json()).toMatchObject({ code: 'TOO_MANY_REQUESTS' });
    expect(await workers.info('Lyon', {})).toMatchObject({ transactions: 0 });
    expect((await fetch(`${baseUrl}/reports/summary`)).status).toBe(200);
  });
});
