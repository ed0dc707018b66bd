import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { InProcessCityWorkers } from '../../../../test/support/in-process-city-workers.js';
import { inProcessGateway } from '../../../../test/support/in-process-gateway.js';
import { AllowedHosts } from './allowed-hosts.middleware.js';

/** A request with the `Host` header a rebound page would send (fetch cannot set it). */
function send(
  base: string,
  method: string,
  path: string,
  headers: Record<string, string>,
): Promise<{ status: number; body: string }> {
  const { port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, method, path, headers }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => {
        resolve({ status: res.statusCode ?? 0, body });
      });
    });
    req.on('error', reject);
    req.end();
  });
}

describe(AllowedHosts.name, () => {
  let workers: InProcessCityWorkers;
  let app: NestExpressApplication;
  let baseUrl: string;

  beforeAll(async () => {
    workers = await InProcessCityWorkers.start(['Lyon']);
    await workers.ingest('Lyon', {
      columns: ['transaction_id', 'date', 'ville', 'type', 'modele', 'prix', 'duree_location_mois'],
      lines: [2],
      csv: 'R1,2024-03-20,Lyon,vente,BMW_X1,30000,NULL',
    });
    // No API_KEY, the default ALLOWED_HOSTS.
    ({ app, baseUrl } = await inProcessGateway(workers));
  });

  afterAll(async () => {
    await app.close();
    await workers.close();
  });

  it('refuses a DNS-rebound page whose Origin and Host agree, before it reads or deletes', async () => {
    const port = new URL(baseUrl).port;
    const rebound = { host: `evil.example:${port}`, origin: `http://evil.example:${port}` };
    const deleted = await send(baseUrl, 'DELETE', '/transactions/R1', rebound);
    expect(deleted.status).toBe(403);
    expect(JSON.parse(deleted.body)).toMatchObject({ code: 'HOST_NOT_ALLOWED' });
    expect((await send(baseUrl, 'GET', '/reports/summary', rebound)).status).toBe(403);
    expect(await workers.info('Lyon', {})).toMatchObject({ transactions: 1 });
  });

  it('answers the loopback names, with any port', async () => {
    for (const host of ['localhost:3000', '127.0.0.1', '[::1]:8080', 'LOCALHOST']) {
      expect([host, (await send(baseUrl, 'GET', '/cities', { host })).status]).toEqual([host, 200]);
    }
  });

  it('answers the hosts ALLOWED_HOSTS names, or any with *', async () => {
    const named = await inProcessGateway(workers, { ALLOWED_HOSTS: 'analytics.autoconnect.fr' });
    const any = await inProcessGateway(workers, { ALLOWED_HOSTS: '*' });
    try {
      const host = { host: 'analytics.autoconnect.fr' };
      expect((await send(named.baseUrl, 'GET', '/cities', host)).status).toBe(200);
      expect((await send(named.baseUrl, 'GET', '/cities', { host: 'localhost' })).status).toBe(403);
      expect((await send(any.baseUrl, 'GET', '/cities', { host: 'evil.example' })).status).toBe(
        200,
      );
    } finally {
      await named.app.close();
      await any.app.close();
    }
  });
});
