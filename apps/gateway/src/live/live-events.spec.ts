import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { InProcessCityWorkers } from '../../../../test/support/in-process-city-workers.js';
import { inProcessGateway } from '../../../../test/support/in-process-gateway.js';
import { EventReader } from '../../../../test/support/event-reader.js';

describe('GET /events', () => {
  let workers: InProcessCityWorkers;
  let app: NestExpressApplication;
  let baseUrl: string;

  beforeAll(async () => {
    workers = await InProcessCityWorkers.start(['Lyon', 'Marseille', 'Paris']);
    ({ app, baseUrl } = await inProcessGateway(workers, { LIVE_WATCH_MS: '100' }));
  });

  afterAll(async () => {
    await app.close();
    await workers.close();
  });

  it('announces the rows a POST /transactions stored, with their cities', async () => {
    const events = await EventReader.open(`${baseUrl}/events`);
    const posted = await fetch(`${baseUrl}/transactions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([
        {
          transaction_id: 'L1',
          date: '2025-01-02',
          ville: 'Lyon',
          type: 'vente',
          modele: 'BMW_X1',
          prix: 40000,
          duree_location_mois: null,
        },
        {
          transaction_id: 'P1',
          date: '2025-01-03',
          ville: 'Paris',
          type: 'vente',
          modele: 'BMW_X1',
          prix: 42000,
          duree_location_mois: null,
        },
      ]),
    });
    expect(posted.status).toBe(200);
    await expect(events.next('data')).resolves.toEqual({
      event: 'data',
      data: { cities: ['Lyon', 'Paris'], accepted: 2 },
    });
    events.close();
  });

  it('announces a city that stops answering, and its return', async () => {
    const events = await EventReader.open(`${baseUrl}/events`);
    // The first look at the cities only learns their state.
    await new Promise((resolve) => setTimeout(resolve, 300));
    workers.stop('Marseille');
    await expect(events.next('city')).resolves.toEqual({
      event: 'city',
      data: { city: 'Marseille', status: 'down' },
    });
    workers.resume('Marseille');
    await expect(events.next('city')).resolves.toEqual({
      event: 'city',
      data: { city: 'Marseille', status: 'up' },
    });
    events.close();
  });

  it('lets the gateway stop while a dashboard listens', async () => {
    const other = await inProcessGateway(workers);
    const events = await EventReader.open(`${other.baseUrl}/events`);
    await other.app.close();
    await expect(events.next('data')).rejects.toThrow();
  });
});
